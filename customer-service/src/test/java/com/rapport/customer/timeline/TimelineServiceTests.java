package com.rapport.customer.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rapport.customer.organisation.OrganisationService;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class TimelineServiceTests {

	private static final Instant WHEN = Instant.parse("2026-03-01T08:00:00.123456Z");

	private final InteractionRepository repository = mock(InteractionRepository.class);

	private final OrganisationService organisations = mock(OrganisationService.class);

	private final TimelineService service = new TimelineService(repository, organisations, event -> {
	});

	private static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	private static InteractionInput placed(String eventId, String organisationId) {
		return new InteractionInput("order-tracking-service", eventId, organisationId, InteractionKind.ORDER_PLACED, WHEN,
				"Order PO-1 placed", "order:1", Map.of("order_number", "PO-1"));
	}

	@Test
	void aServiceRecordsANewInteraction() {
		given(organisations.exists("acme-retail")).willReturn(true);
		assertThat(service.record(caller(TestTokens.service()), placed("e-1", "acme-retail"))).isTrue();
		ArgumentCaptor<Interaction> stored = ArgumentCaptor.forClass(Interaction.class);
		verify(repository).insert(stored.capture());
		assertThat(stored.getValue()).satisfies(i -> {
			assertThat(i.source()).isEqualTo("order-tracking-service");
			assertThat(i.eventId()).isEqualTo("e-1");
			assertThat(i.kind()).isEqualTo(InteractionKind.ORDER_PLACED);
			assertThat(i.occurredAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00.123Z"));
			assertThat(i.attributes()).containsEntry("order_number", "PO-1");
			assertThat(i.recordedAt()).isNotNull();
		});
	}

	@Test
	void aRepeatedEventIsAnsweredNotNewAndStoresNothing() {
		given(organisations.exists("acme-retail")).willReturn(true);
		given(repository.existsBySourceAndEventId("order-tracking-service", "e-1")).willReturn(true);
		assertThat(service.record(caller(TestTokens.service()), placed("e-1", "acme-retail"))).isFalse();
		verify(repository, never()).insert(any(Interaction.class));
	}

	@Test
	void whenTwoDeliveriesOfAnEventRaceTheLoserIsAnsweredNotNew() {
		given(organisations.exists("acme-retail")).willReturn(true);
		given(repository.insert(any(Interaction.class))).willThrow(new DuplicateKeyException("E11000 source_event"));
		assertThat(service.record(caller(TestTokens.service()), placed("e-1", "acme-retail"))).isFalse();
	}

	@Test
	void withoutASourceTheReportingServiceIsTheSource() {
		given(organisations.exists("acme-retail")).willReturn(true);
		service.record(caller(TestTokens.service()), new InteractionInput(" ", "e-1", "acme-retail",
				InteractionKind.TICKET_OPENED, WHEN, null, null, null));
		ArgumentCaptor<Interaction> stored = ArgumentCaptor.forClass(Interaction.class);
		verify(repository).insert(stored.capture());
		assertThat(stored.getValue().source()).isEqualTo("test-service");
		verify(repository).existsBySourceAndEventId("test-service", "e-1");
	}

	@Test
	void recordingForAnUnknownOrganisationIsNotFound() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> service.record(caller(TestTokens.service()), placed("e-1", "no-such-org")))
			.satisfies(ex -> assertThat(ex.reason())
				.isEqualTo(com.rapport.support.error.Message.of("organisation.not-found", "no-such-org")));
		verify(repository, never()).insert(any(Interaction.class));
	}

	@Test
	void missingEventOrganisationKindAndTimeAreNamedAtOnce() {
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> service.record(caller(TestTokens.service()),
					new InteractionInput(null, "", null, null, null, null, null, null)))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("eventId", "organisationId", "kind",
					"occurredAt"));
		verifyNoInteractions(repository, organisations);
	}

	@Test
	void attributeKeysThatCannotBeDocumentKeysAreRefused() {
		for (Map<String, String> attributes : List.of(Map.of("order.number", "1"), Map.of("$where", "1"),
				Map.of("k", "x".repeat(1001)))) {
			assertThatExceptionOfType(UnprocessableException.class)
				.isThrownBy(() -> service.record(caller(TestTokens.service()), new InteractionInput(null, "e-1",
						"acme-retail", InteractionKind.CARE_EVENT, WHEN, null, null, attributes)))
				.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("attributes"));
		}
	}

	@Test
	void onlyServicesRecord() {
		for (String token : List.of(TestTokens.staff("agent"), TestTokens.staff("admin"),
				TestTokens.customer("acme-retail"), TestTokens.partner("customers.write"))) {
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> service.record(caller(token), placed("e-1", "acme-retail")));
		}
		verifyNoInteractions(repository, organisations);
	}

	@Test
	void customerCannotReadEvenItsOwnOrganisationsTimeline() {
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> service.list(caller(TestTokens.customer("acme-retail")), "acme-retail", List.of(), 0, 50));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> service.list(caller(TestTokens.customer("globex-trading")), "acme-retail", List.of(), 0,
					50));
		verifyNoInteractions(repository, organisations);
	}

	@Test
	void staffReadingAnUnknownOrganisationsTimelineIsNotFound() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> service.list(caller(TestTokens.staff("agent")), "no-such-org", List.of(), 0, 50));
	}

	@Test
	void pagesDefaultTo50AndHoldAtMost200() {
		given(organisations.exists("acme-retail")).willReturn(true);
		given(repository.findByOrganisationIdOrderByOccurredAtDescIdDesc(eq("acme-retail"), any()))
			.willAnswer(call -> new PageImpl<>(List.of(), call.<Pageable>getArgument(1), 0));
		assertThat(service.list(caller(TestTokens.staff("agent")), "acme-retail", List.of(), 0, 0).getSize())
			.isEqualTo(50);
		assertThat(service.list(caller(TestTokens.service()), "acme-retail", null, -3, 1000).getSize()).isEqualTo(200);
		assertThat(service.list(caller(TestTokens.staff("manager")), "acme-retail", List.of(), 2, 10).getNumber())
			.isEqualTo(2);
	}

	@Test
	void aKindFilterIsPassedToTheStore() {
		given(organisations.exists("acme-retail")).willReturn(true);
		given(repository.findByOrganisationIdAndKindInOrderByOccurredAtDescIdDesc(eq("acme-retail"), any(), any()))
			.willAnswer(call -> new PageImpl<>(List.of(), call.<Pageable>getArgument(2), 0));
		service.list(caller(TestTokens.staff("admin")), "acme-retail",
				List.of(InteractionKind.ORDER_DELAYED, InteractionKind.ORDER_DELAYED), 0, 50);
		verify(repository).findByOrganisationIdAndKindInOrderByOccurredAtDescIdDesc(eq("acme-retail"),
				eq(java.util.Set.of(InteractionKind.ORDER_DELAYED)), any());
		verify(repository, never()).findByOrganisationIdOrderByOccurredAtDescIdDesc(anyString(), any());
	}
}
