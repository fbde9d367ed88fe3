package com.rapport.support.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.LongStream;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.rapport.support.audit.AuditVerification.Finding;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.test.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain in the embedded store: appends, races between replicas, and entries changed behind its back. */
class AuditTrailMongoTests {

	private final ApplicationContextRunner store = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class))
		.withPropertyValues("spring.application.name=audit-test", "rapport.mongodb.embedded.in-memory=true");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00.123456Z"));

	private void withTrail(BiConsumer<MongoTemplate, MongoAuditTrail> test) {
		store.run(context -> {
			MongoTemplate mongo = context.getBean(MongoTemplate.class);
			test.accept(mongo, new MongoAuditTrail(mongo, clock));
		});
	}

	private static AuditEvent change(String actor, String action, String organisationId) {
		return new AuditEvent(actor, List.of("manager", "agent"), "rapport-gateway", "203.0.113.9", null, action,
				"organisation", organisationId, organisationId, Map.of("fields", "industry,name"));
	}

	/** Appends {@code count} changes, a second apart. */
	private void appendChanges(MongoAuditTrail trail, int count) {
		for (int i = 1; i <= count; i++) {
			trail.append(change("manager.wang", "organisation.updated", "org-" + i));
			clock.advance(Duration.ofSeconds(1));
		}
	}

	private static void tamper(MongoTemplate mongo, long sequence, String field, Object value) {
		mongo.getCollection(MongoAuditTrail.ENTRIES).updateOne(Filters.eq("_id", sequence), Updates.set(field, value));
	}

	private static long headSequence(MongoTemplate mongo) {
		return mongo.getCollection(MongoAuditTrail.HEAD).find().first().get("sequence", Number.class).longValue();
	}

	private static void remove(MongoTemplate mongo, long sequence) {
		mongo.getCollection(MongoAuditTrail.ENTRIES).deleteOne(Filters.eq("_id", sequence));
	}

	@Test
	void eachEntryIsNumberedAndChainedToTheOneBefore() {
		withTrail((mongo, trail) -> {
			AuditEntry first = trail.append(change("manager.wang", "organisation.created", "acme-retail"));
			clock.advance(Duration.ofSeconds(1));
			AuditEntry second = trail.append(change("partner-demo", "organisation.updated", "acme-retail"));

			assertThat(first.sequence()).isEqualTo(1);
			assertThat(first.previousHash()).isEmpty();
			assertThat(first.hash()).hasSize(64).isNotEqualTo(second.hash());
			assertThat(second.sequence()).isEqualTo(2);
			assertThat(second.previousHash()).isEqualTo(first.hash());
			// Stored as MongoDB keeps time, so that the hash can be recomputed from what is read back.
			assertThat(first.at()).isEqualTo(Instant.parse("2026-11-30T10:00:00.123Z"));
			assertThat(trail.list(AuditQuery.newest(10)).entries()).containsExactly(second, first);
			assertThat(trail.verify()).isEqualTo(new AuditVerification(true, 2, 0, Finding.NONE,
					"all 2 entries are intact"));
		});
	}

	@Test
	void twoReplicasAppendingAtOnceLeaveAGaplessIntactChain() throws Exception {
		withTrail((mongo, trail) -> {
			MongoAuditTrail otherReplica = new MongoAuditTrail(mongo, clock);
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<List<Long>>> results = new ArrayList<>();
				for (MongoAuditTrail replica : List.of(trail, otherReplica)) {
					Callable<List<Long>> appends = () -> {
						start.await();
						List<Long> sequences = new ArrayList<>();
						for (int i = 0; i < 25; i++) {
							sequences.add(replica.append(change("agent.li", "contact.updated", "acme-retail")).sequence());
						}
						return sequences;
					};
					results.add(pool.submit(appends));
				}
				start.countDown();
				List<Long> all = new ArrayList<>();
				for (Future<List<Long>> result : results) {
					all.addAll(result.get(30, TimeUnit.SECONDS));
				}
				assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(trail.verify()).isEqualTo(AuditVerification.intact(50));
			assertThat(headSequence(mongo)).isEqualTo(50);
		});
	}

	@Test
	void anEntryChangedInTheStoreFailsVerificationNamingIt() {
		withTrail((mongo, trail) -> {
			appendChanges(trail, 20);
			tamper(mongo, 17, "actor", "someone.else");

			AuditVerification result = trail.verify();

			assertThat(result.intact()).isFalse();
			assertThat(result.firstBadSequence()).isEqualTo(17);
			assertThat(result.finding()).isEqualTo(Finding.ENTRY_CHANGED);
			assertThat(result.reason()).isEqualTo("entry 17 was changed");
			assertThat(result.entriesChecked()).isEqualTo(17);
		});
	}

	@Test
	void anEntryRewrittenWithAFreshHashIsFoundByTheNextOnesLink() {
		withTrail((mongo, trail) -> {
			appendChanges(trail, 5);
			AuditEntry original = MongoAuditTrail.fromDocument(
					mongo.getCollection(MongoAuditTrail.ENTRIES).find(Filters.eq("_id", 3L)).first());
			AuditEvent forged = new AuditEvent("someone.else", List.of(), "", "", original.at(), "organisation.updated",
					"organisation", "org-3", "org-3", Map.of());
			mongo.getCollection(MongoAuditTrail.ENTRIES).replaceOne(Filters.eq("_id", 3L),
					MongoAuditTrail.toDocument(AuditEntry.chained(3, forged, original.previousHash())));

			assertThat(trail.verify().reason()).isEqualTo("entry 3 was changed (entry 4 no longer links to it)");
			assertThat(trail.verify().firstBadSequence()).isEqualTo(3);
		});
	}

	@Test
	void aChangedDetailOrAFieldOfAnotherTypeIsFoundToo() {
		withTrail((mongo, trail) -> {
			appendChanges(trail, 3);
			tamper(mongo, 2, "details", new Document("fields", "name"));
			assertThat(trail.verify().reason()).isEqualTo("entry 2 was changed");

			tamper(mongo, 2, "details", new Document("fields", "industry,name"));
			assertThat(trail.verify().intact()).isTrue();
			tamper(mongo, 1, "at", "yesterday");
			assertThat(trail.verify().reason()).isEqualTo("entry 1 was changed");
		});
	}

	@Test
	void aRemovedEntryInTheMiddleFailsVerification() {
		withTrail((mongo, trail) -> {
			appendChanges(trail, 20);
			remove(mongo, 18);

			AuditVerification result = trail.verify();

			assertThat(result.intact()).isFalse();
			assertThat(result.finding()).isEqualTo(Finding.ENTRY_MISSING);
			assertThat(result.firstBadSequence()).isEqualTo(18);
			assertThat(result.reason()).isEqualTo("entry 18 is missing");

			remove(mongo, 19);
			assertThat(trail.verify().reason()).isEqualTo("entries 18 to 19 are missing");
		});
	}

	@Test
	void removingTheNewestEntriesIsFoundThroughTheHead() {
		withTrail((mongo, trail) -> {
			appendChanges(trail, 45);
			for (long sequence = 42; sequence <= 45; sequence++) {
				remove(mongo, sequence);
			}

			assertBroken(trail.verify(), Finding.NEWEST_REMOVED, 42, "the newest entries after 41 were removed");
		});
	}

	@Test
	void removingEveryEntryIsFoundThroughTheHead() {
		withTrail((mongo, trail) -> {
			appendChanges(trail, 3);
			mongo.getCollection(MongoAuditTrail.ENTRIES).deleteMany(new Document());
			assertThat(trail.verify().reason()).isEqualTo("all 3 entries were removed");
		});
	}

	@Test
	void removingTheHeadOfALongerTrailIsFound() {
		withTrail((mongo, trail) -> {
			appendChanges(trail, 3);
			mongo.getCollection(MongoAuditTrail.HEAD).deleteMany(new Document());
			assertThat(trail.verify().finding()).isEqualTo(Finding.HEAD_MISSING);
		});
	}

	@Test
	void aHeadLaggingBehindTheNewestEntryIsStillIntact() {
		withTrail((mongo, trail) -> {
			appendChanges(trail, 4);
			// A replica that stopped between storing entry 5 and moving the head.
			Document head = mongo.getCollection(MongoAuditTrail.HEAD).find().first();
			trail.append(change("agent.li", "contact.updated", "acme-retail"));
			mongo.getCollection(MongoAuditTrail.HEAD).replaceOne(Filters.eq("_id", MongoAuditTrail.HEAD_ID), head);

			assertThat(trail.verify()).isEqualTo(new AuditVerification(true, 5, 0, Finding.NONE,
					"all 5 entries are intact"));
			// The next append moves it on again.
			trail.append(change("agent.li", "contact.updated", "acme-retail"));
			assertThat(headSequence(mongo)).isEqualTo(6);
		});
	}

	@Test
	void aLaggingHeadThatNoLongerMatchesItsEntryIsFound() {
		withTrail((mongo, trail) -> {
			appendChanges(trail, 4);
			mongo.getCollection(MongoAuditTrail.HEAD)
				.updateOne(Filters.eq("_id", MongoAuditTrail.HEAD_ID), Updates.set("sequence", 3L));
			assertThat(trail.verify().reason()).isEqualTo("entry 3 was changed (the head remembers another one)");
		});
	}

	@Test
	void appendingFollowsEntriesStoredAfterALaggingHead() {
		withTrail((mongo, trail) -> {
			appendChanges(trail, 2);
			Document head = mongo.getCollection(MongoAuditTrail.HEAD).find().first();
			// Replicas that stopped three times between storing an entry and moving the head.
			appendChanges(trail, 3);
			mongo.getCollection(MongoAuditTrail.HEAD).replaceOne(Filters.eq("_id", MongoAuditTrail.HEAD_ID), head);

			AuditEntry next = trail.append(change("agent.li", "contact.updated", "acme-retail"));

			assertThat(next.sequence()).isEqualTo(6);
			assertThat(next.previousHash()).isEqualTo(
					mongo.getCollection(MongoAuditTrail.ENTRIES).find(Filters.eq("_id", 5L)).first().getString("hash"));
			assertThat(headSequence(mongo)).isEqualTo(6);
			assertThat(trail.verify()).isEqualTo(AuditVerification.intact(6));
		});
	}

	@Test
	void appendingAfterTheNewestEntriesWereRemovedKeepsTheRemovalVisible() {
		withTrail((mongo, trail) -> {
			appendChanges(trail, 10);
			for (long sequence = 8; sequence <= 10; sequence++) {
				remove(mongo, sequence);
			}

			// The head is ahead of the trail: the next entry follows the head, not the newest entry left.
			AuditEntry next = trail.append(change("agent.li", "contact.updated", "acme-retail"));

			assertThat(next.sequence()).isEqualTo(11);
			assertBroken(trail.verify(), Finding.ENTRY_MISSING, 8, "entries 8 to 10 are missing");
		});
	}

	@Test
	void appendingFollowsTheHeadNotTheHighestNumberInTheStore() {
		withTrail((mongo, trail) -> {
			appendChanges(trail, 3);
			// A stray document with a high number, written by hand: the head, not a sorted scan, decides.
			mongo.getCollection(MongoAuditTrail.ENTRIES).insertOne(new Document("_id", 1000L).append("hash", "x"));

			assertThat(trail.append(change("agent.li", "contact.updated", "acme-retail")).sequence()).isEqualTo(4);
			assertThat(headSequence(mongo)).isEqualTo(4);
		});
	}

	@Test
	void withoutAHeadOrWithOneNotMatchingItsEntryTheTrailItselfGivesTheNewestEntry() {
		withTrail((mongo, trail) -> {
			appendChanges(trail, 3);
			// A store written before the head existed.
			mongo.getCollection(MongoAuditTrail.HEAD).deleteMany(new Document());
			AuditEntry fourth = trail.append(change("agent.li", "contact.updated", "acme-retail"));
			assertThat(fourth.sequence()).isEqualTo(4);
			assertThat(headSequence(mongo)).isEqualTo(4);

			mongo.getCollection(MongoAuditTrail.HEAD)
				.updateOne(Filters.eq("_id", MongoAuditTrail.HEAD_ID), Updates.set("hash", "not-the-hash-of-4"));
			AuditEntry fifth = trail.append(change("agent.li", "contact.updated", "acme-retail"));
			assertThat(fifth.sequence()).isEqualTo(5);
			assertThat(fifth.previousHash()).isEqualTo(fourth.hash());
			assertThat(trail.verify()).isEqualTo(AuditVerification.intact(5));
		});
	}

	@Test
	void theListFiltersAndPagesNewestFirstWithoutShiftingWhenEntriesArrive() {
		withTrail((mongo, trail) -> {
			Instant start = clock.instant();
			trail.append(change("manager.wang", "organisation.created", "acme-retail"));
			clock.advance(Duration.ofMinutes(1));
			trail.append(new AuditEvent("partner-demo", List.of(), "partner-demo", "198.51.100.7", null,
					"contact.updated", "contact", "alice-1", "acme-retail", Map.of("fields", "phone")));
			clock.advance(Duration.ofMinutes(1));
			trail.append(change("manager.wang", "organisation.updated", "globex-trading"));
			clock.advance(Duration.ofMinutes(1));
			trail.append(change("manager.wang", "organisation.updated", "acme-retail"));

			assertThat(sequences(trail.list(new AuditQuery("manager.wang", null, null, null, null, null, null, 0, null))))
				.containsExactly(4L, 3L, 1L);
			assertThat(sequences(trail.list(new AuditQuery(null, "organisation.", null, null, "acme-retail", null, null,
					0, null)))).containsExactly(4L, 1L);
			assertThat(sequences(trail.list(new AuditQuery(null, null, "contact", "alice-1", null, null, null, 0, null))))
				.containsExactly(2L);
			assertThat(sequences(trail.list(new AuditQuery(null, null, null, null, null,
					start.plus(Duration.ofMinutes(1)), start.plus(Duration.ofMinutes(3)), 0, null))))
				.containsExactly(3L, 2L);
			// A prefix is a prefix, not a pattern.
			assertThat(trail.list(new AuditQuery(null, "organisation.*", null, null, null, null, null, 0, null))
				.entries()).isEmpty();

			AuditPage first = trail.list(AuditQuery.newest(3));
			assertThat(sequences(first)).containsExactly(4L, 3L, 2L);
			trail.append(change("agent.li", "contact.updated", "acme-retail"));
			AuditPage second = trail.list(new AuditQuery(null, null, null, null, null, null, null, 3,
					first.nextBefore().getAsLong()));
			assertThat(sequences(second)).containsExactly(1L);
			assertThat(second.nextBefore()).isEmpty();
		});
	}

	private static void assertBroken(AuditVerification result, Finding finding, long firstBad, String reason) {
		assertThat(result.intact()).isFalse();
		assertThat(result.finding()).isEqualTo(finding);
		assertThat(result.firstBadSequence()).isEqualTo(firstBad);
		assertThat(result.reason()).isEqualTo(reason);
	}

	private static List<Long> sequences(AuditPage page) {
		return page.entries().stream().map(AuditEntry::sequence).toList();
	}
}
