package com.rapport.customer.timeline;

import java.time.Instant;

import com.rapport.customer.organisation.ConsentChanged;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class ConsentChangeRecorderTests {

	private final TimelineService timeline = mock(TimelineService.class);

	@Test
	void aWithdrawnConsentBecomesACareEventOnTheTimelineWithAnIdOfTheSavedVersion() {
		new ConsentChangeRecorder(timeline).record(new ConsentChanged("acme-retail", "alice-1", "Alice Chen",
				"marketing", false, 8, Instant.parse("2026-11-30T10:00:00Z")));

		ArgumentCaptor<InteractionInput> recorded = ArgumentCaptor.forClass(InteractionInput.class);
		verify(timeline).recordOwn(recorded.capture());
		InteractionInput entry = recorded.getValue();
		assertThat(entry.summary()).isEqualTo("Alice Chen withdrew consent to marketing");
		assertThat(entry.kind()).isEqualTo(InteractionKind.CARE_EVENT);
		assertThat(entry.source()).isEqualTo("customer-service");
		assertThat(entry.organisationId()).isEqualTo("acme-retail");
		assertThat(entry.eventId()).isEqualTo("consent:acme-retail:alice-1:marketing:withdrawn:8");
		assertThat(entry.attributes()).containsEntry("consent", "marketing").containsEntry("change", "withdrawn");
	}
}
