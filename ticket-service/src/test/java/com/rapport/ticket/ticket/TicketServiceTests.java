package com.rapport.ticket.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.Caller;
import com.rapport.support.test.MutableClock;
import com.rapport.ticket.MongoAuditingConfiguration;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.customer.KnownTier;
import com.rapport.ticket.customer.OrganisationTiers;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.SlaSettings;
import com.rapport.ticket.sla.SlaState;
import com.rapport.ticket.sla.Tier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;

/** The ticket rules with the real (embedded) store; only customer-service is stood in for. */
@DataMongoTest
@Import({ TicketService.class, SlaSettings.class, TicketNumbers.class, OrganisationTiers.class, MongoAuditingConfiguration.class,
		TicketServiceTests.Settings.class })
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class TicketServiceTests {

	static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

	@TestConfiguration(proxyBeanMethods = false)
	static class Settings {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(NOW);
		}
	}

	@Autowired
	TicketService service;

	@Autowired
	TicketRepository tickets;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MutableClock clock;

	@MockitoBean
	CustomerDirectory customers;

	/** Only the SLA settings audit, and these tests change none. */
	@MockitoBean
	AuditTrail audit;

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(), "portal-web", "");

	static final Caller SERVICE = new Caller("svc", Set.of(Caller.INTERNAL), Set.of(), Optional.empty(), "svc", "");

	static Caller customerOf(String organisation) {
		return new Caller("contact", Set.of(Caller.CUSTOMER), Set.of(), Optional.of(organisation), "portal-web", "");
	}

	@BeforeEach
	void setUp() {
		// Each test starts at NOW, whatever the one before did to the shared clock.
		clock.advance(Duration.between(clock.instant(), NOW));
		tickets.deleteAll();
		mongo.dropCollection(KnownTier.class);
		mongo.dropCollection(TicketNumbers.COLLECTION);
		given(customers.tierOf("acme-retail")).willReturn(Tier.VIP);
		given(customers.tierOf("globex-trading")).willReturn(Tier.KEY);
	}

	@Test
	void aTicketIsOpenedUnderThePolicyOfTheTierCustomerServiceReports() {
		Ticket ticket = service.open(Tickets.newTicket("acme-retail", "  Invoice copy  "));

		assertThat(ticket.number()).isEqualTo("T-1001");
		assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
		assertThat(ticket.subject()).isEqualTo("Invoice copy");
		assertThat(ticket.openedAt()).isEqualTo(NOW);
		assertThat(ticket.tier()).isEqualTo(Tier.VIP);
		assertThat(ticket.tierAssumed()).isFalse();
		assertThat(ticket.sla().firstResponseDue()).isEqualTo(NOW.plus(Duration.ofHours(1)));
		assertThat(ticket.sla().resolutionDue()).isEqualTo(NOW.plus(Duration.ofHours(8)));
		assertThat(service.open(Tickets.newTicket("globex-trading", "Price list")).sla().resolutionDue())
			.isEqualTo(NOW.plus(Duration.ofHours(24)));
	}

	@Test
	void theOpeningIsToldToTheTimelineWithoutThePersonsData() {
		Ticket ticket = service.open(Tickets.newTicket("acme-retail", "Invoice copy"));

		assertThat(tickets.findById(ticket.id()).orElseThrow().outbox()).singleElement().satisfies(event -> {
			assertThat(event.eventId()).isEqualTo("ticket-opened:" + ticket.id());
			assertThat(event.kind()).isEqualTo(TicketEvent.Kind.TICKET_OPENED);
			assertThat(event.summary()).isEqualTo("Request T-1001 opened: Invoice copy");
			assertThat(event.facts()).containsEntry("ticket_number", "T-1001").containsEntry("tier", "VIP");
			assertThat(event.facts().values()).noneMatch(value -> value.contains("Alice") || value.contains("@"));
		});
	}

	@Test
	void whileCustomerServiceIsDownTheLastTierItReportedIsAssumed() {
		service.open(Tickets.newTicket("acme-retail", "First"));
		given(customers.tierOf("acme-retail")).willReturn(Tier.KEY);
		service.open(Tickets.newTicket("acme-retail", "Second: the tier changed since"));
		willThrow(new RemoteUnavailableException("customer-service", null)).given(customers).tierOf(anyString());

		Ticket ticket = service.open(Tickets.newTicket("acme-retail", "While it is down"));

		assertThat(ticket.tier()).isEqualTo(Tier.KEY);
		assertThat(ticket.tierAssumed()).isTrue();
		assertThat(ticket.sla().resolutionDue()).isEqualTo(NOW.plus(Duration.ofHours(24)));
	}

	@Test
	void whileCustomerServiceIsDownAndNoTierIsKnownTheDefaultIsAssumed() {
		willThrow(new RemoteUnavailableException("customer-service", null)).given(customers).tierOf(anyString());

		Ticket ticket = service.open(Tickets.newTicket("acme-retail", "While it is down"));

		assertThat(ticket.tier()).isEqualTo(Tier.NORMAL);
		assertThat(ticket.tierAssumed()).isTrue();
		assertThat(ticket.sla().resolutionDue()).isEqualTo(NOW.plus(Duration.ofHours(48)));
	}

	@Test
	void aTierGivenWithTheTicketIsNotAskedFor() {
		Ticket ticket = service.open(new NewTicket("acme-retail", "Imported", TicketKind.REQUEST, null, Channel.PHONE,
				Tickets.ALICE, null, NOW.minus(Duration.ofHours(2)), Tier.KEY));

		assertThat(ticket.tier()).isEqualTo(Tier.KEY);
		assertThat(ticket.tierAssumed()).isFalse();
		assertThat(ticket.priority()).isEqualTo(Priority.NORMAL);
		assertThat(ticket.sla().firstResponseDue()).isEqualTo(NOW.plus(Duration.ofHours(2)));
		verifyNoInteractions(customers);
	}

	@Test
	void anOrganisationCustomerServiceDoesNotKnowIsRefused() {
		willThrow(NotFoundException.withoutCode("No organisation")).given(customers).tierOf("nobody");

		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> service.open(Tickets.newTicket("nobody", "Hello")))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("customerId"));
		assertThat(tickets.count()).isZero();
	}

	@Test
	void anInvalidTicketNamesEveryBadFieldAndAsksNobody() {
		var invalid = new NewTicket(" ", "x".repeat(201), null, null, null, Requester.of(null, " ", null), null,
				NOW.plusSeconds(1), null);

		assertThatExceptionOfType(UnprocessableException.class).isThrownBy(() -> service.open(invalid))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("customerId", "subject", "kind", "channel",
					"requester", "openedAt"));
		verifyNoInteractions(customers);
	}

	@Test
	void aPortalTicketNeedsItsContactAndAnEmailTicketAValidAddress() {
		var portal = new NewTicket("acme-retail", "Hi", TicketKind.REQUEST, Priority.LOW, Channel.PORTAL,
				Requester.of(null, "Alice", null));
		var email = new NewTicket("acme-retail", "Hi", TicketKind.REQUEST, Priority.LOW, Channel.EMAIL,
				Requester.of(null, "Alice", "not-an-address"));

		assertThatExceptionOfType(UnprocessableException.class).isThrownBy(() -> service.open(portal))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("requester.contactId"));
		assertThatExceptionOfType(UnprocessableException.class).isThrownBy(() -> service.open(email))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("requester.email"));
	}

	@Test
	void theFirstResponseOpensTheTicketAndTheResponderTakesIt() {
		Ticket ticket = service.open(Tickets.newTicket("acme-retail", "Invoice"));
		clock.advance(Duration.ofMinutes(20));

		Ticket responded = service.respond(ticket.id(), "Li Na", null);

		assertThat(responded.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(responded.firstRespondedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
		assertThat(responded.assignee()).isEqualTo("Li Na");
		clock.advance(Duration.ofMinutes(20));
		assertThat(service.respond(ticket.id(), "Wang Fang", null).firstRespondedAt())
			.as("only the first response counts").isEqualTo(NOW.plus(Duration.ofMinutes(20)));
	}

	@Test
	void waitingOnTheCustomerPausesTheTimersAndResumingMovesTheDueTimes() {
		Ticket ticket = service.open(Tickets.newTicket("acme-retail", "Return of chairs"));
		clock.advance(Duration.ofMinutes(30));
		Ticket pending = service.waitOnCustomer(ticket.id(), null);
		assertThat(pending.status()).isEqualTo(TicketStatus.PENDING);
		assertThat(pending.firstRespondedAt()).as("asking the customer answers them").isEqualTo(clock.instant());

		clock.advance(Duration.ofHours(10));
		assertThat(tickets.findById(ticket.id()).orElseThrow().slaStateAt(clock.instant(), 25)).isEqualTo(SlaState.PAUSED);

		Ticket resumed = service.resume(ticket.id(), null);
		assertThat(resumed.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(resumed.sla().resolutionDue()).isEqualTo(NOW.plus(Duration.ofHours(18)));
		assertThat(resumed.slaStateAt(clock.instant(), 25)).isEqualTo(SlaState.ON_TRACK);
	}

	@Test
	void resolvingTellsTheTimelineAndEndsTheTicket() {
		Ticket ticket = service.open(Tickets.newTicket("acme-retail", "Invoice"));
		clock.advance(Duration.ofHours(2));

		Ticket resolved = service.resolve(ticket.id(), NOW.plus(Duration.ofMinutes(50)));

		assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(resolved.slaStateAt(clock.instant(), 25)).isEqualTo(SlaState.MET);
		assertThat(tickets.findById(ticket.id()).orElseThrow().outbox()).extracting(TicketEvent::eventId)
			.containsExactly("ticket-opened:" + ticket.id(), "ticket-resolved:" + ticket.id());
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> service.resolve(ticket.id(), null));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> service.respond(ticket.id(), "Li Na", null));
	}

	@Test
	void aChangeCannotBeDatedInTheFutureNorBeforeWhatItFollows() {
		Ticket ticket = service.open(Tickets.newTicket("acme-retail", "Invoice"));

		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> service.respond(ticket.id(), "Li Na", NOW.plusSeconds(1)))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("at"));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> service.resolve(ticket.id(), NOW.minusSeconds(1)));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> service.resume(ticket.id(), null));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> service.resolve("nope", null));
	}

	private Ticket openAt(String customerId, String subject, Duration ago) {
		return service.open(new NewTicket(customerId, subject, TicketKind.REQUEST, Priority.NORMAL, Channel.PORTAL,
				Tickets.ALICE, null, NOW.minus(ago), Tier.VIP));
	}

	@Test
	void openTicketsComeMostUrgentFirstWithCountsOverAllOfThem() {
		// VIP: 1 h to respond, 8 h to resolve.
		Ticket onTrackLater = openAt("acme-retail", "on track, due later", Duration.ofMinutes(5));
		Ticket onTrackSooner = openAt("acme-retail", "on track, due sooner", Duration.ofMinutes(10));
		Ticket atRisk = openAt("acme-retail", "at risk", Duration.ofMinutes(50));
		Ticket breachedLess = openAt("acme-retail", "breached lately", Duration.ofHours(2));
		Ticket breachedMore = openAt("acme-retail", "breached long ago", Duration.ofHours(3));
		Ticket paused = openAt("acme-retail", "paused", Duration.ofMinutes(20));
		service.waitOnCustomer(paused.id(), NOW.minus(Duration.ofMinutes(15)));
		Ticket done = openAt("acme-retail", "resolved", Duration.ofMinutes(30));
		service.resolve(done.id(), null);
		openAt("globex-trading", "another organisation", Duration.ofHours(5));

		OpenTickets open = service.openTickets(AGENT, "acme-retail", 0);

		assertThat(open.tickets()).extracting(t -> t.ticket().id()).containsExactly(breachedMore.id(),
				breachedLess.id(), atRisk.id(), onTrackSooner.id(), onTrackLater.id(), paused.id());
		assertThat(open.tickets()).extracting(OpenTickets.OpenTicket::state).containsExactly(SlaState.BREACHED,
				SlaState.BREACHED, SlaState.AT_RISK, SlaState.ON_TRACK, SlaState.ON_TRACK, SlaState.PAUSED);
		assertThat(open.openCount()).isEqualTo(6);
		assertThat(open.breachedCount()).isEqualTo(2);
		assertThat(open.atRiskCount()).isEqualTo(1);
		assertThat(open.requesterVisible()).isTrue();

		OpenTickets firstTwo = service.openTickets(SERVICE, "acme-retail", 2);
		assertThat(firstTwo.tickets()).hasSize(2);
		assertThat(firstTwo.openCount()).isEqualTo(6);
		assertThat(firstTwo.requesterVisible()).as("services are not staff").isFalse();
	}

	@Test
	void aCustomerGetsItsOwnOrganisationsTicketsAndNothingOfAnothers() {
		openAt("acme-retail", "Acme's", Duration.ofMinutes(5));
		openAt("globex-trading", "Globex's", Duration.ofMinutes(5));

		OpenTickets own = service.openTickets(customerOf("globex-trading"), "", 0);
		OpenTickets asked = service.openTickets(customerOf("globex-trading"), "globex-trading", 0);
		OpenTickets foreign = service.openTickets(customerOf("globex-trading"), "acme-retail", 0);
		OpenTickets unknown = service.openTickets(AGENT, "no-such-organisation", 0);

		assertThat(own.tickets()).extracting(t -> t.ticket().subject()).containsExactly("Globex's");
		assertThat(own.requesterVisible()).isFalse();
		assertThat(asked.tickets()).hasSize(1);
		assertThat(foreign).usingRecursiveComparison().ignoringFields("requesterVisible").isEqualTo(unknown);
		assertThat(foreign.openCount()).isZero();
	}

	@Test
	void staffMustNameTheOrganisation() {
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> service.openTickets(AGENT, " ", 0))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("customerId"));
	}
}
