package com.rapport.ticket.ticket;

import java.time.Duration;
import java.time.Instant;

import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.test.MutableClock;
import com.rapport.ticket.MongoAuditingConfiguration;
import com.rapport.ticket.sla.BusinessCalendar;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** What ticket-service's meters tell an operator: tickets opened per channel, open tickets by SLA state. */
@DataMongoTest
@Import({ MongoAuditingConfiguration.class, TicketMetrics.class, TicketMetricsTests.Meters.class })
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class TicketMetricsTests {

	static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

	@TestConfiguration
	static class Meters {

		@Bean
		MeterRegistry meters() {
			return new SimpleMeterRegistry();
		}

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(T0);
		}
	}

	@Autowired
	TicketRepository tickets;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void empty() {
		tickets.deleteAll();
	}

	private double opened(String channel) {
		var counter = meters.find(TicketMetrics.OPENED).tag("channel", channel).counter();
		return counter == null ? 0 : counter.count();
	}

	private double open(String state) {
		return meters.get(TicketMetrics.SLA).tag("state", state).gauge().value();
	}

	@Test
	void aTicketIsCountedOnceWhenOpenedNotWhenChanged() {
		double before = opened("PORTAL");
		Ticket ticket = tickets.insert(Tickets.stored("acme-retail", "T-1001", T0).withEventOfOpening());
		assertThat(opened("PORTAL")).isEqualTo(before + 1);

		tickets.save(tickets.findById(ticket.id()).orElseThrow().resolvedAt(T0.plus(Duration.ofHours(1)),
				BusinessCalendar.ROUND_THE_CLOCK));
		assertThat(opened("PORTAL")).isEqualTo(before + 1);
	}

	@Test
	void openTicketsAreCountedByTheirSlaStateAndABreachShowsOnceItsDueTimeHasPassed() {
		tickets.insert(Tickets.stored("acme-retail", "T-1001", T0));
		assertThat(open("ON_TRACK")).isEqualTo(1.0);
		assertThat(open("BREACHED")).isZero();

		clock.advance(Duration.ofDays(30));
		assertThat(open("BREACHED")).isEqualTo(1.0);
		assertThat(open("ON_TRACK")).isZero();
	}
}
