package com.rapport.customer.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rapport.customer.MongoConfiguration;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A store written before the timeline kept codes: its English lines get the code of their sentence. */
@DataMongoTest
@Import(MongoConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class TimelineSummaryMigrationMongoTests {

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void oldEntries() {
		// Remove, not drop: the context (and its indexes) is shared with the other tests of the store.
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "interactions");
		old("o-1", "Order ACME-1014 placed");
		old("t-1", "Complaint T-1003 opened: Chairs held at customs: who pays?");
		old("s-1", "CSAT 2/5 on ticket T-1001");
		old("s-2", "NPS 9/10 on the relationship");
		old("c-1", "Alice Chen withdrew consent to marketing");
		old("g-1", "Birthday greeting sent to Alice Chen by email");
		old("x-1", "Something a partner wrote in its own words");
		old("r-1", "Tier KEY → VIP: ordered 3 days ago, 12 orders in 12 months, CNY 1,321,200");
		old("g-2", "Spring Festival greeting sent to Alice Chen by email");
		old("g-3", "Birthday greeting sent to Bo Zhang by email; SMS is not available yet");
		old("g-4", "Mid-Autumn Festival greeting to Bo Zhang not sent: the portal inbox is not available yet and "
				+ "there is no email address");
		old("g-5", "Birthday greeting to Alice Chen could not be sent: the mail server failed 3 times");
		old("g-6", "Spring Festival greeting for Alice Chen: no greeting sent (no marketing consent)");
	}

	private void old(String eventId, String summary) {
		mongo.insert(new Document(Map.of("source", "test", "eventId", eventId, "organisationId", "acme-retail",
				"kind", "ORDER_PLACED", "occurredAt", java.util.Date.from(Instant.parse("2026-11-01T08:00:00Z")),
				"summary", summary, "attributes", new Document(), "recordedAt",
				java.util.Date.from(Instant.parse("2026-11-01T08:00:01Z")))), "interactions");
	}

	private Interaction entry(String eventId) {
		return mongo.findOne(org.springframework.data.mongodb.core.query.Query
			.query(org.springframework.data.mongodb.core.query.Criteria.where("eventId").is(eventId)), Interaction.class);
	}

	@Test
	void eachKnownSentenceGetsItsCodeAndValuesAndOthersKeepTheirWords() {
		new TimelineSummaryMigration(mongo).run(null);

		assertThat(entry("o-1").summaryCode()).isEqualTo("timeline.order.placed");
		assertThat(entry("o-1").summaryArgs()).containsExactly("ACME-1014");
		assertThat(entry("t-1").summaryCode()).isEqualTo("timeline.complaint.opened");
		assertThat(entry("t-1").summaryArgs()).containsExactly("T-1003", "Chairs held at customs: who pays?");
		assertThat(entry("s-1").summaryCode()).isEqualTo("timeline.survey.ticket");
		assertThat(entry("s-1").summaryArgs()).containsExactly("CSAT", "2", "5", "T-1001");
		assertThat(entry("s-2").summaryCode()).isEqualTo("timeline.survey.relationship");
		assertThat(entry("c-1").summaryCode()).isEqualTo("timeline.consent.withdrawn");
		assertThat(entry("c-1").summaryArgs()).containsExactly("Alice Chen", "#{consent.marketing}");
		assertThat(entry("g-1").summaryCode()).isEqualTo("timeline.greeting.birthday.sent");
		assertThat(entry("x-1").summaryCode()).isEmpty();
		assertThat(entry("r-1").summaryCode()).isEqualTo("timeline.tier.changed");
		assertThat(entry("r-1").summaryArgs()).containsExactly("#{timeline.tier.KEY}", "#{timeline.tier.VIP}",
				"#{timeline.recency.days|3}", "#{timeline.orders.many|12}", "#{timeline.window.months|12}", "CNY",
				"1,321,200");
		assertThat(entry("x-1").summary()).isEqualTo("Something a partner wrote in its own words");
		assertThat(entry("o-1").summary()).isEqualTo("Order ACME-1014 placed");
	}

	@Test
	void everyGreetingLineGetsItsCodeWithTheHolidayByItsStoredName() {
		new TimelineSummaryMigration(mongo).run(null);

		assertThat(entry("g-2").summaryCode()).isEqualTo("timeline.greeting.sent");
		assertThat(entry("g-2").summaryArgs()).containsExactly("Alice Chen",
				"#{timeline.greeting.holiday|Spring Festival|Spring Festival}");
		assertThat(entry("g-3").summaryCode()).isEqualTo("timeline.greeting.sent-instead");
		assertThat(entry("g-3").summaryArgs()).containsExactly("Bo Zhang", "#{timeline.greeting.birthday}",
				"#{timeline.channel.sms}");
		assertThat(entry("g-4").summaryCode()).isEqualTo("timeline.greeting.no-email-instead");
		assertThat(entry("g-4").summaryArgs()).containsExactly("Bo Zhang",
				"#{timeline.greeting.holiday|Mid-Autumn Festival|Mid-Autumn Festival}", "#{timeline.channel.portal}");
		assertThat(entry("g-5").summaryCode()).isEqualTo("timeline.greeting.failed");
		assertThat(entry("g-5").summaryArgs()).containsExactly("Alice Chen", "#{timeline.greeting.birthday}", "3");
		assertThat(entry("g-6").summaryCode()).isEqualTo("timeline.greeting.holiday.no-consent");
	}

	@Test
	void anEntryNoEarlierVersionKnewIsExaminedOnceMore() {
		// Stored by a version that knew no holiday greetings: examined, given no code.
		mongo.updateFirst(org.springframework.data.mongodb.core.query.Query
			.query(org.springframework.data.mongodb.core.query.Criteria.where("eventId").is("g-2")),
				new org.springframework.data.mongodb.core.query.Update().set("summaryCode", "").set("summaryArgs",
						List.of()), "interactions");

		new TimelineSummaryMigration(mongo).run(null);

		assertThat(entry("g-2").summaryCode()).isEqualTo("timeline.greeting.sent");
		assertThat(mongo.findOne(org.springframework.data.mongodb.core.query.Query
			.query(org.springframework.data.mongodb.core.query.Criteria.where("eventId").is("x-1")), Document.class,
				"interactions").get("summarySentences")).isEqualTo(TimelineSummaryMigration.SENTENCES_VERSION);
	}

	@Test
	void anEntryExaminedOnceIsNotChangedAgain() {
		new TimelineSummaryMigration(mongo).run(null);
		mongo.updateFirst(org.springframework.data.mongodb.core.query.Query
			.query(org.springframework.data.mongodb.core.query.Criteria.where("eventId").is("o-1")),
				new org.springframework.data.mongodb.core.query.Update().set("summaryArgs", List.of("ACME-9")),
				"interactions");

		new TimelineSummaryMigration(mongo).run(null);

		assertThat(entry("o-1").summaryArgs()).containsExactly("ACME-9");
	}
}
