package com.rapport.support.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.timeline.InteractionRecorder.TimelineEntry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The outbox relay against the embedded store, with customer-service stood in for. */
class OutboxRelayMongoTests {

	static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

	private final ApplicationContextRunner store = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class))
		.withPropertyValues("spring.application.name=relay-test", "rapport.mongodb.embedded.in-memory=true");

	private final StandInTimeline timeline = new StandInTimeline();

	private void withStore(Consumer<MongoTemplate> test) {
		store.run(context -> test.accept(context.getBean(MongoTemplate.class)));
	}

	private OutboxRelay<Parcel, Parcel.Event> relay(MongoTemplate mongo) {
		return new OutboxRelay<>(mongo, timeline, new Parcel.Outbox());
	}

	private static Parcel stored(MongoTemplate mongo, String id) {
		return mongo.findById(id, Parcel.class);
	}

	@Test
	void deliveredEventsAreToldOnceWithTheRecordsOrganisationAndReferenceAndRemoved() {
		withStore(mongo -> {
			mongo.insert(Parcel.of("p-1", "acme-retail", Parcel.event("e-1", "ORDER_PLACED", T0)));
			OutboxRelay<Parcel, Parcel.Event> relay = relay(mongo);

			assertThat(relay.relayPending()).isEqualTo(1);
			assertThat(timeline.kept).containsExactly(Map.entry("e-1", new TimelineEntry("e-1", "acme-retail",
					"ORDER_PLACED", T0, "ORDER_PLACED e-1", "parcel:p-1", Map.of("weight", "7"))));
			Parcel parcel = stored(mongo, "p-1");
			assertThat(parcel.outbox()).isEmpty();
			assertThat(parcel.undeliverable()).isEmpty();
			assertThat(parcel.weight()).isEqualTo(7);

			assertThat(relay.relayPending()).isZero();
			assertThat(timeline.calls).containsExactly("e-1");
		});
	}

	@Test
	void aRecordsEventsAreToldOldestFirst() {
		withStore(mongo -> {
			mongo.insert(Parcel.of("p-1", "acme-retail", Parcel.event("e-1", "ORDER_PLACED", T0),
					Parcel.event("e-2", "ORDER_DELIVERED", T0.plusSeconds(60))));
			mongo.insert(Parcel.of("p-2", "globex-trading", Parcel.event("e-3", "ORDER_PLACED", T0.plusSeconds(30))));

			assertThat(relay(mongo).relayPending()).isEqualTo(3);
			assertThat(timeline.calls).containsSubsequence("e-1", "e-2").contains("e-3");
			assertThat(mongo.findAll(Parcel.class)).allSatisfy(parcel -> assertThat(parcel.outbox()).isEmpty());
		});
	}

	@Test
	void whileCustomerServiceIsDownTheRoundStopsAndEveryEventWaitsForTheNext() {
		withStore(mongo -> {
			mongo.insert(Parcel.of("p-1", "acme-retail", Parcel.event("e-1", "ORDER_PLACED", T0),
					Parcel.event("e-2", "ORDER_DELIVERED", T0.plusSeconds(60))));
			mongo.insert(Parcel.of("p-2", "globex-trading", Parcel.event("e-3", "ORDER_PLACED", T0)));
			OutboxRelay<Parcel, Parcel.Event> relay = relay(mongo);

			timeline.down = true;
			assertThat(relay.relayPending()).isZero();
			assertThat(timeline.calls).as("the round stops at the first outage").hasSize(1);
			assertThat(stored(mongo, "p-1").outbox()).extracting(Parcel.Event::eventId).containsExactly("e-1", "e-2");
			assertThat(stored(mongo, "p-2").outbox()).extracting(Parcel.Event::eventId).containsExactly("e-3");
			assertThat(mongo.findAll(Parcel.class)).allSatisfy(parcel -> assertThat(parcel.undeliverable()).isEmpty());

			timeline.down = false;
			assertThat(relay.relayPending()).isEqualTo(3);
			assertThat(timeline.kept).containsOnlyKeys("e-1", "e-2", "e-3");
			assertThat(mongo.findAll(Parcel.class)).allSatisfy(parcel -> assertThat(parcel.outbox()).isEmpty());
		});
	}

	@Test
	void customerServiceGoingDownMidRoundKeepsOnlyWhatItDidNotTake() {
		withStore(mongo -> {
			mongo.insert(Parcel.of("p-1", "acme-retail", Parcel.event("e-1", "ORDER_PLACED", T0),
					Parcel.event("e-2", "ORDER_DELIVERED", T0.plusSeconds(60))));
			timeline.downAfter = 1;

			assertThat(relay(mongo).relayPending()).isEqualTo(1);
			assertThat(timeline.kept).containsOnlyKeys("e-1");
			assertThat(stored(mongo, "p-1").outbox()).extracting(Parcel.Event::eventId).containsExactly("e-2");
		});
	}

	@Test
	void anEventRefusedForGoodIsSetAsideWithItsKindAndReasonAndTheRoundGoesOn() {
		withStore(mongo -> {
			mongo.insert(Parcel.of("p-1", "no-such-organisation", Parcel.event("e-1", "ORDER_PLACED", T0)));
			mongo.insert(Parcel.of("p-2", "acme-retail", Parcel.event("e-2", "ORDER_PLACED", T0)));
			timeline.refused.add("e-1");
			OutboxRelay<Parcel, Parcel.Event> relay = relay(mongo);

			assertThat(relay.relayPending()).isEqualTo(1);
			assertThat(relay.relayPending()).isZero();
			assertThat(timeline.calls).containsExactlyInAnyOrder("e-1", "e-2");

			Parcel refused = stored(mongo, "p-1");
			assertThat(refused.outbox()).isEmpty();
			assertThat(refused.undeliverable()).containsExactly(
					new Parcel.Undeliverable("e-1", "ORDER_PLACED", "No organisation no-such-organisation"));
			assertThat(refused.weight()).isEqualTo(7);
			assertThat(timeline.kept).containsOnlyKeys("e-2");
			assertThat(stored(mongo, "p-2").undeliverable()).isEmpty();
		});
	}

	@Test
	void aRepeatAfterACrashBetweenDeliveryAndRemovalIsHarmless() {
		withStore(mongo -> {
			mongo.insert(Parcel.of("p-1", "acme-retail", Parcel.event("e-1", "ORDER_PLACED", T0)));
			timeline.crashAfterTaking = true;
			assertThatExceptionOfType(Crash.class).isThrownBy(() -> relay(mongo).relayPending());
			assertThat(timeline.kept).containsOnlyKeys("e-1");
			assertThat(stored(mongo, "p-1").outbox()).as("the removal never happened").hasSize(1);

			// The replica that takes over sends the same event again; the receiver keeps it once.
			assertThat(relay(mongo).relayPending()).isEqualTo(1);
			assertThat(timeline.calls).containsExactly("e-1", "e-1");
			assertThat(timeline.kept).containsOnlyKeys("e-1");
			assertThat(stored(mongo, "p-1").outbox()).isEmpty();
			assertThat(stored(mongo, "p-1").undeliverable()).isEmpty();
		});
	}

	@Test
	void aRoundReadsAtMostOneBatchOfRecordsAndTheNextTakesTheRest() {
		withStore(mongo -> {
			List<Parcel> parcels = new ArrayList<>();
			for (int i = 0; i < OutboxRelay.BATCH + 5; i++) {
				parcels.add(Parcel.of("p-" + i, "acme-retail", Parcel.event("e-" + i, "ORDER_PLACED", T0),
						Parcel.event("f-" + i, "ORDER_DELIVERED", T0.plusSeconds(1))));
			}
			mongo.insertAll(parcels);
			OutboxRelay<Parcel, Parcel.Event> relay = relay(mongo);

			assertThat(relay.relayPending()).isEqualTo(2 * OutboxRelay.BATCH);
			assertThat(relay.relayPending()).isEqualTo(2 * 5);
			assertThat(relay.relayPending()).isZero();
			assertThat(timeline.kept).hasSize(2 * (OutboxRelay.BATCH + 5));
			assertThat(mongo.findAll(Parcel.class)).allSatisfy(parcel -> assertThat(parcel.outbox()).isEmpty());
		});
	}

	@Test
	void recordsWithNothingWaitingAreLeftAlone() {
		withStore(mongo -> {
			mongo.insert(Parcel.of("p-1", "acme-retail"));

			assertThat(relay(mongo).relayPending()).isZero();
			assertThat(timeline.calls).isEmpty();
			assertThat(stored(mongo, "p-1")).isEqualTo(Parcel.of("p-1", "acme-retail"));
		});
	}

	/** What the process dying looks like to the code that called it: not an exception it may catch. */
	static final class Crash extends Error {

		Crash() {
			super("the replica died");
		}
	}

	/** customer-service's timeline: one entry per event id, like the real one; can be down or refuse. */
	static final class StandInTimeline implements InteractionRecorder {

		final Map<String, TimelineEntry> kept = new LinkedHashMap<>();

		final List<String> calls = new ArrayList<>();

		final Set<String> refused = new HashSet<>();

		boolean down;

		int downAfter = Integer.MAX_VALUE;

		boolean crashAfterTaking;

		@Override
		public void record(TimelineEntry entry) {
			calls.add(entry.eventId());
			if (down || kept.size() >= downAfter) {
				throw new RemoteUnavailableException("customer-service", null);
			}
			if (refused.contains(entry.eventId())) {
				throw NotFoundException.withoutCode("No organisation " + entry.organisationId());
			}
			kept.putIfAbsent(entry.eventId(), entry);
			if (crashAfterTaking) {
				crashAfterTaking = false;
				throw new Crash();
			}
		}
	}
}
