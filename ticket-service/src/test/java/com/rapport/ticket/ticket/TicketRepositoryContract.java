package com.rapport.ticket.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.Tier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the service relies on from its store; run against the embedded server and a real MongoDB. */
abstract class TicketRepositoryContract {

	static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

	@Autowired
	TicketRepository tickets;

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void empty() {
		tickets.deleteAll();
		mongo.dropCollection(TicketNumbers.COLLECTION);
	}

	@Test
	void aTicketNumberIsUniqueAcrossOrganisations() {
		tickets.insert(Tickets.stored("acme-retail", "T-1001", T0));
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> tickets.insert(Tickets.stored("globex-trading", "T-1001", T0)));
		assertThat(tickets.count()).isEqualTo(1);
	}

	@Test
	void numbersAreHandedOutOnceEachFromT1001() {
		TicketNumbers numbers = new TicketNumbers(mongo);
		assertThat(List.of(numbers.next(), numbers.next(), numbers.next())).containsExactly("T-1001", "T-1002", "T-1003");
	}

	@Test
	void anOrganisationsOpenTicketsComeOldestFirstWithoutTheirOutbox() {
		tickets.insert(Tickets.stored("acme-retail", "T-2", T0.plus(Duration.ofHours(2))).withEventOfOpening());
		tickets.insert(Tickets.stored("acme-retail", "T-1", T0).withEventOfOpening());
		Ticket pending = Tickets.stored("acme-retail", "T-3", T0.plus(Duration.ofHours(1)))
			.waitingOnCustomerFrom(T0.plus(Duration.ofHours(3)), BusinessCalendar.ROUND_THE_CLOCK);
		tickets.insert(pending);
		tickets.insert(Tickets.resolved(Tickets.stored("acme-retail", "T-4", T0.minus(Duration.ofDays(1)))));
		tickets.insert(Tickets.stored("globex-trading", "T-5", T0.minus(Duration.ofDays(2))));

		List<Ticket> open = tickets.findByCustomerIdAndStatusIn("acme-retail", TicketStatus.OPEN_STATUSES);

		assertThat(open).extracting(Ticket::number).containsExactly("T-1", "T-3", "T-2");
		assertThat(open).allSatisfy(ticket -> assertThat(ticket.outbox()).isEmpty());
		assertThat(tickets.findByNumber("T-1").orElseThrow().outbox()).hasSize(1);
	}

	@Test
	void timersRequesterAndTierSurviveTheRoundTrip() {
		Ticket paused = Tickets.stored("acme-retail", "T-9", T0, Tier.VIP, Tickets.ALICE)
			.respondedAt(T0.plus(Duration.ofMinutes(20)), "Li Na").waitingOnCustomerFrom(T0.plus(Duration.ofHours(1)), BusinessCalendar.ROUND_THE_CLOCK);
		tickets.insert(paused);

		Ticket read = tickets.findByNumber("T-9").orElseThrow();

		assertThat(read.sla()).isEqualTo(paused.sla());
		assertThat(read.sla().firstResponseTarget()).isEqualTo(Duration.ofHours(1));
		assertThat(read.requester()).isEqualTo(Tickets.ALICE);
		assertThat(read.requester().email()).isEqualTo("alice.chen@acme-retail.example");
		assertThat(read.tier()).isEqualTo(Tier.VIP);
		assertThat(read.status()).isEqualTo(TicketStatus.PENDING);
		assertThat(read.assignee()).isEqualTo("Li Na");
		assertThat(read.createdAt()).isNotNull();
		assertThat(read.version()).isNotNull();
	}

	@Test
	void theOpenTicketsOfAnOrganisationAreFoundByIndex() {
		tickets.insert(Tickets.stored("acme-retail", "T-1", T0));
		assertThat(mongo.indexOps(Ticket.class).getIndexInfo()).extracting(index -> index.getName())
			.contains("number", "customer_status_opened", "customer_requester");
	}
}
