package com.rapport.support.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.rapport.support.test.QueryPlans;
import com.rapport.support.test.QueryPlans.Plan;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's audit trail filters are answered from the trail's indexes: each test lists a page as the gRPC
 * service asks for it and has the store explain the read. Three hundred entries a minute apart, by three actors,
 * about thirty organisations, few of them about the tiering rules, so that a scan of the collection or of the
 * wrong index would show.
 */
abstract class AuditTrailQueryPlanContract {

	static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

	/** The store: its MongoDB auto-configuration with {@link QueryPlans} among the user configuration. */
	abstract ApplicationContextRunner store();

	private void withTrail(BiConsumer<MongoAuditTrail, ListPlans> test) {
		store().withUserConfiguration(QueryPlans.class).run(context -> {
			MongoTemplate mongo = context.getBean(MongoTemplate.class);
			mongo.dropCollection(MongoAuditTrail.ENTRIES);
			mongo.dropCollection(MongoAuditTrail.HEAD);
			MongoAuditTrail trail = new MongoAuditTrail(mongo, Clock.systemUTC());
			trail.createIndexes();
			List<String> actors = List.of("manager.wang", "agent.li", "partner-demo");
			for (int i = 0; i < 300; i++) {
				String action = i % 100 == 7 ? "tiering-policy.updated"
						: i % 2 == 0 ? "organisation.updated" : "contact.updated";
				trail.append(new AuditEvent(actors.get(i % 3), List.of("manager"), "rapport-gateway", "203.0.113.9",
						T0.plus(Duration.ofMinutes(i)), action, "organisation", "org-" + i % 30, "org-" + i % 30,
						Map.of("fields", "name")));
			}
			QueryPlans plans = context.getBean(QueryPlans.class);
			test.accept(trail, query -> plans.explain(mongo, MongoAuditTrail.ENTRIES, () -> trail.list(query)));
		});
	}

	/** Lists a page and answers the plans of the reads it sent. */
	interface ListPlans {

		List<Plan> of(AuditQuery query);
	}

	private static AuditQuery filter(String actor, String actionPrefix, String recordType, String recordId,
			String organisationId, Instant from, Instant to) {
		return new AuditQuery(actor, actionPrefix, recordType, recordId, organisationId, from, to, 100, null);
	}

	@Test
	void theNewestEntriesAndTheNextPageAreReadFromTheSequenceNumbers() {
		withTrail((trail, list) -> {
			assertThat(list.of(AuditQuery.newest(100))).singleElement()
				.satisfies(plan -> plan.assertScansOnly("_id_").assertSortsByIndex());
			assertThat(list.of(new AuditQuery(null, null, null, null, null, null, null, 100, 150L))).singleElement()
				.satisfies(plan -> plan.assertScansOnly("_id_").assertSortsByIndex());
		});
	}

	@Test
	void oneActorsEntriesAreReadNewestFirstFromTheirIndex() {
		withTrail((trail, list) -> assertThat(list.of(filter("agent.li", null, null, null, null, null, null)))
			.singleElement().satisfies(plan -> plan.assertScansOnly("actor_1__id_-1").assertSortsByIndex()));
	}

	@Test
	void oneOrganisationsEntriesAreReadNewestFirstFromTheirIndex() {
		withTrail((trail, list) -> assertThat(list.of(filter(null, null, null, null, "org-3", null, null)))
			.singleElement().satisfies(plan -> plan.assertScansOnly("organisationId_1__id_-1").assertSortsByIndex()));
	}

	@Test
	void oneRecordsEntriesAreReadNewestFirstFromTheirIndex() {
		withTrail((trail, list) -> assertThat(list.of(filter(null, null, "organisation", "org-4", null, null, null)))
			.singleElement()
			.satisfies(plan -> plan.assertScansOnly("recordType_1_recordId_1__id_-1").assertSortsByIndex()));
	}

	@Test
	void anActionPrefixIsARangeOfTheActionIndex() {
		withTrail((trail, list) -> assertThat(list.of(filter(null, "tiering-policy.", null, null, null, null, null)))
			.singleElement().satisfies(plan -> plan.assertScansOnly("action_1__id_-1")));
	}

	@Test
	void daysAreARangeOfTheTimeIndex() {
		withTrail((trail, list) -> assertThat(list.of(filter(null, null, null, null, null,
				T0.plus(Duration.ofMinutes(40)), T0.plus(Duration.ofMinutes(45)))))
			.singleElement().satisfies(plan -> plan.assertScansOnly("at_-1")));
	}
}
