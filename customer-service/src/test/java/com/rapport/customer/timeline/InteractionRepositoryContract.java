package com.rapport.customer.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the timeline relies on from its store; run against the embedded server and a real MongoDB. */
abstract class InteractionRepositoryContract {

	static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

	@Autowired
	InteractionRepository interactions;

	@Autowired
	MongoTemplate template;

	@BeforeEach
	void empty() {
		interactions.deleteAll();
	}

	static Interaction interaction(String source, String eventId, String organisationId, InteractionKind kind,
			Instant occurredAt) {
		return new Interaction(null, source, eventId, organisationId, kind, occurredAt, "summary of " + eventId,
				"order:" + eventId, Map.of("order_number", "PO-" + eventId), occurredAt.plusSeconds(1));
	}

	@Test
	void anInteractionIsReadBackAsStored() {
		interactions.insert(interaction("order-tracking-service", "e-1", "acme", InteractionKind.ORDER_PLACED, T0));
		assertThat(interactions.findByOrganisationIdOrderByOccurredAtDescIdDesc("acme", PageRequest.of(0, 10)))
			.singleElement().satisfies(i -> {
				assertThat(i.id()).isNotBlank();
				assertThat(i.kind()).isEqualTo(InteractionKind.ORDER_PLACED);
				assertThat(i.occurredAt()).isEqualTo(T0);
				assertThat(i.reference()).isEqualTo("order:e-1");
				assertThat(i.attributes()).containsExactly(Map.entry("order_number", "PO-e-1"));
			});
	}

	@Test
	void theSameEventOfTheSameSourceIsStoredOnce() {
		interactions.insert(interaction("order-tracking-service", "e-1", "acme", InteractionKind.ORDER_PLACED, T0));
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> interactions
			.insert(interaction("order-tracking-service", "e-1", "acme", InteractionKind.ORDER_PLACED, T0)));
		// The same event id from another source is another event.
		interactions.insert(interaction("ticket-service", "e-1", "acme", InteractionKind.TICKET_OPENED, T0));
		assertThat(interactions.count()).isEqualTo(2);
		assertThat(interactions.existsBySourceAndEventId("order-tracking-service", "e-1")).isTrue();
		assertThat(interactions.existsBySourceAndEventId("feedback-service", "e-1")).isFalse();
	}

	@Test
	void theTimelineIsNewestFirstPagedWithoutOverlapAndPerOrganisation() {
		for (int i = 0; i < 5; i++) {
			interactions.insert(interaction("s", "a-" + i, "acme", InteractionKind.ORDER_PLACED, T0.plusSeconds(60L * i)));
		}
		// Two at the same instant: the order between them is still stable across pages.
		interactions.insert(interaction("s", "a-same", "acme", InteractionKind.ORDER_DELAYED, T0.plusSeconds(120)));
		interactions.insert(interaction("s", "g-1", "globex", InteractionKind.ORDER_PLACED, T0.plusSeconds(999)));
		var first = interactions.findByOrganisationIdOrderByOccurredAtDescIdDesc("acme", PageRequest.of(0, 4));
		var second = interactions.findByOrganisationIdOrderByOccurredAtDescIdDesc("acme", PageRequest.of(1, 4));
		assertThat(first.getTotalElements()).isEqualTo(6);
		assertThat(first.getContent()).extracting(Interaction::eventId).containsExactly("a-4", "a-3", "a-same", "a-2");
		assertThat(second.getContent()).extracting(Interaction::eventId).containsExactly("a-1", "a-0");
		assertThat(second.hasNext()).isFalse();
	}

	@Test
	void theTimelineIsFilteredByKinds() {
		interactions.insert(interaction("s", "1", "acme", InteractionKind.ORDER_PLACED, T0));
		interactions.insert(interaction("s", "2", "acme", InteractionKind.ORDER_DELAYED, T0.plusSeconds(1)));
		interactions.insert(interaction("s", "3", "acme", InteractionKind.TICKET_OPENED, T0.plusSeconds(2)));
		interactions.insert(interaction("s", "4", "globex", InteractionKind.ORDER_DELAYED, T0.plusSeconds(3)));
		var page = interactions.findByOrganisationIdAndKindInOrderByOccurredAtDescIdDesc("acme",
				Set.of(InteractionKind.ORDER_DELAYED, InteractionKind.TICKET_OPENED), PageRequest.of(0, 10));
		assertThat(page.getContent()).extracting(Interaction::eventId).containsExactly("3", "2");
		assertThat(interactions.findByOrganisationIdAndKindInOrderByOccurredAtDescIdDesc("acme",
				List.of(InteractionKind.SURVEY_ANSWERED), PageRequest.of(0, 10))).isEmpty();
	}
}
