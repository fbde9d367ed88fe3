package com.rapport.ticket.facts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.TestTokens;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.Channel;
import com.rapport.ticket.ticket.NewTicket;
import com.rapport.ticket.ticket.OpenTickets;
import com.rapport.ticket.ticket.Requester;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketKind;
import com.rapport.ticket.ticket.TicketRepository;
import com.rapport.ticket.ticket.TicketService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The growth recompute's batch read: a page of organisations' open-ticket counts in one call, the same counts
 * {@code ListOpenTickets} gives each organisation, for services alone.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=ticket-facts" })
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class OpenTicketFactsTests {

	static final Caller SERVICE = new Caller("customer-service", Set.of(Caller.INTERNAL), Set.of(), Optional.empty(),
			"customer-service", "");

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(), "portal-web", "");

	@Autowired
	OpenTicketFacts facts;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketRepository stored;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() {
		stored.deleteAll();
	}

	private Ticket open(String customerId, TicketKind kind, Duration ago) {
		return tickets.open(new NewTicket(customerId, "Ticket " + kind + " " + ago, kind, Priority.NORMAL, Channel.PORTAL,
				Requester.of("contact-1", "Alice Chen", "alice@acme.example"), null, FixedClock.NOW.minus(ago), Tier.VIP));
	}

	@Test
	void aPageOfOrganisationsGetsEachOnesCountsInTheOrderAskedAsListOpenTicketsCountsThem() {
		open("acme-retail", TicketKind.COMPLAINT, Duration.ofHours(3));
		open("acme-retail", TicketKind.COMPLAINT, Duration.ofMinutes(5));
		open("acme-retail", TicketKind.REQUEST, Duration.ofHours(2));
		Ticket resolved = open("acme-retail", TicketKind.COMPLAINT, Duration.ofHours(4));
		tickets.resolve(resolved.id(), null);
		open("globex-trading", TicketKind.REQUEST, Duration.ofMinutes(1));

		List<OpenTicketFacts.Counts> counts = facts.of(SERVICE, List.of("globex-trading", "nobody", "acme-retail"));

		assertThat(counts).containsExactly(new OpenTicketFacts.Counts("globex-trading", 1, 0, 0),
				new OpenTicketFacts.Counts("nobody", 0, 0, 0), new OpenTicketFacts.Counts("acme-retail", 3, 2, 2));
		OpenTickets one = tickets.openTickets(SERVICE, "acme-retail", 100);
		assertThat(one.openCount()).isEqualTo(3);
		assertThat(one.breachedCount()).isEqualTo(2);
	}

	@Test
	void servicesAloneAskAndAPageIsOneToFiveHundredDistinctIds() {
		assertThatThrownBy(() -> facts.of(AGENT, List.of("acme-retail"))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> facts.of(SERVICE, List.of())).isInstanceOf(UnprocessableException.class);
		assertThatThrownBy(() -> facts.of(SERVICE, List.of("a", "a"))).isInstanceOf(UnprocessableException.class);
		assertThatThrownBy(() -> facts.of(SERVICE, List.of(" "))).isInstanceOf(UnprocessableException.class);
		List<String> many = java.util.stream.IntStream.range(0, 501).mapToObj(i -> "org-" + i).toList();
		assertThatThrownBy(() -> facts.of(SERVICE, many)).isInstanceOf(UnprocessableException.class);
		assertThat(facts.of(SERVICE, many.subList(0, 500))).hasSize(500);
	}
}
