package com.rapport.ticket.ticket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.rapport.support.audit.AuditEvent;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.test.MutableClock;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.SlaState;
import com.rapport.ticket.sla.Tier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/** The ticket workflow: every status move, replies and their effects, first-contact resolution, auto-close, audit. */
@TicketDeskTest
class TicketWorkflowTests {

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(),
			"rapport-gateway", "");

	static final Caller ALICE = new Caller("alice.chen@acme-retail.example", Set.of(Caller.CUSTOMER), Set.of(),
			Optional.of("acme-retail"), "rapport-gateway", "");

	static final Caller GAVIN = new Caller("gavin.wu@globex.example", Set.of(Caller.CUSTOMER), Set.of(),
			Optional.of("globex-trading"), "rapport-gateway", "");

	static final Caller SERVICE = new Caller("service-account-feedback-service", Set.of(Caller.INTERNAL), Set.of(),
			Optional.empty(), "feedback-service", "");

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketConversation conversation;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	AutoClose autoClose;

	@Autowired
	TicketRepository tickets;

	@Autowired
	MongoAuditTrail audit;

	@Autowired
	MutableClock clock;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() {
		tickets.deleteAll();
		given(customers.tierOf(anyString())).willReturn(Tier.KEY);
	}

	private Ticket raised() {
		TicketRequest request = new TicketRequest("", "Chairs wobble", "Two of the chairs from ACME-1012 wobble",
				TicketKind.COMPLAINT, Category.QUALITY, null, Priority.HIGH, "ACME-1012", null, null, null, null);
		return intake.open(ALICE, request).ticket();
	}

	/** A ticket of Acme in {@code status}, reached through the workflow. */
	private Ticket in(TicketStatus status) {
		Ticket ticket = raised();
		return switch (status) {
			case NEW -> ticket;
			case OPEN -> conversation.reply(ticket.id(), new Author(AuthorKind.STAFF, "agent.li", "Li Na"), "On it",
					clock.instant());
			case PENDING -> workflow.change(ticket.id(), Transition.WAIT_ON_CUSTOMER, clock.instant());
			case RESOLVED -> workflow.change(ticket.id(), Transition.RESOLVE, clock.instant());
			case CLOSED -> workflow.change(workflow.change(ticket.id(), Transition.RESOLVE, clock.instant()).id(),
					Transition.CLOSE, clock.instant());
		};
	}

	@ParameterizedTest(name = "{0} + {1} -> {2}")
	@CsvSource({ "NEW, WAIT_ON_CUSTOMER, PENDING", "NEW, RESUME, ticket.not-waiting", "NEW, RESOLVE, RESOLVED",
			"NEW, CLOSE, ticket.not-resolved", "NEW, REOPEN, ticket.not-resolved",
			"OPEN, WAIT_ON_CUSTOMER, PENDING", "OPEN, RESUME, ticket.not-waiting", "OPEN, RESOLVE, RESOLVED",
			"OPEN, CLOSE, ticket.not-resolved", "OPEN, REOPEN, ticket.not-resolved",
			"PENDING, WAIT_ON_CUSTOMER, ticket.already-waiting", "PENDING, RESUME, OPEN", "PENDING, RESOLVE, RESOLVED",
			"PENDING, CLOSE, ticket.not-resolved", "PENDING, REOPEN, ticket.not-resolved",
			"RESOLVED, WAIT_ON_CUSTOMER, ticket.resolved-already", "RESOLVED, RESUME, ticket.resolved-already",
			"RESOLVED, RESOLVE, ticket.resolved-already", "RESOLVED, CLOSE, CLOSED", "RESOLVED, REOPEN, OPEN",
			"CLOSED, WAIT_ON_CUSTOMER, ticket.closed-already", "CLOSED, RESUME, ticket.closed-already",
			"CLOSED, RESOLVE, ticket.closed-already", "CLOSED, CLOSE, ticket.closed-already",
			"CLOSED, REOPEN, ticket.closed-already" })
	void staffMakeEveryAllowedMoveAndAreRefusedEveryOther(TicketStatus from, Transition transition, String outcome) {
		Ticket ticket = in(from);
		if (outcome.startsWith("ticket.")) {
			assertThatExceptionOfType(ConflictException.class)
				.isThrownBy(() -> workflow.change(AGENT, ticket.number(), transition, null))
				.satisfies(ex -> assertThat(ex.reason().code()).isEqualTo(outcome));
			assertThat(tickets.findById(ticket.id()).orElseThrow().status()).isEqualTo(from);
		}
		else {
			TicketView view = workflow.change(AGENT, ticket.number(), transition, null);
			assertThat(view.ticket().status()).isEqualTo(TicketStatus.valueOf(outcome));
			assertThat(tickets.findById(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.valueOf(outcome));
		}
	}

	@Test
	void aContactClosesAndReopensItsOrganisationsResolvedTicketsButMakesNoOtherMove() {
		Ticket resolved = in(TicketStatus.RESOLVED);
		assertThat(workflow.change(ALICE, resolved.id(), Transition.REOPEN, "Still wobbles").ticket().status())
			.isEqualTo(TicketStatus.OPEN);
		for (Transition staffOnly : List.of(Transition.RESOLVE, Transition.WAIT_ON_CUSTOMER, Transition.RESUME)) {
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> workflow.change(ALICE, resolved.id(), staffOnly, null));
		}
		workflow.change(AGENT, resolved.id(), Transition.RESOLVE, null);
		TicketView closed = workflow.change(ALICE, resolved.id(), Transition.CLOSE, null);
		assertThat(closed.ticket().status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(closed.ticket().closedAt()).isEqualTo(clock.instant());
		assertThat(closed.canReply()).isFalse();
		assertThat(closed.allowedTransitions()).isEmpty();
	}

	@Test
	void anotherOrganisationsTicketIsNotFoundExactlyLikeAnUnknownOne() {
		Ticket ticket = in(TicketStatus.RESOLVED);
		NotFoundException foreign = catchNotFound(() -> workflow.change(GAVIN, ticket.id(), Transition.CLOSE, null));
		NotFoundException unknown = catchNotFound(() -> workflow.change(GAVIN, "no-such-id", Transition.CLOSE, null));
		assertThat(foreign.reason().code()).isEqualTo(unknown.reason().code()).isEqualTo("ticket.not-found");
		assertThat(foreign.reason().args()).containsExactly(ticket.id());
		assertThat(catchNotFound(() -> conversation.get(GAVIN, ticket.number())).reason().code())
			.isEqualTo("ticket.not-found");
		assertThat(catchNotFound(() -> conversation.reply(GAVIN, ticket.id(), "Hello")).reason().code())
			.isEqualTo("ticket.not-found");
		assertThat(tickets.findById(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
	}

	private static NotFoundException catchNotFound(Runnable call) {
		try {
			call.run();
		}
		catch (NotFoundException ex) {
			return ex;
		}
		throw new AssertionError("expected NOT_FOUND");
	}

	@Test
	void servicesAndCustomersAreRefusedStaffWorkBeforeAnyLookUp() {
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> workflow.change(SERVICE, "no-such-id", Transition.RESOLVE, null));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> conversation.addNote(ALICE, "no-such-id", "psst"));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> conversation.reply(SERVICE, "no-such-id", "hello"));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> workflow.assign(ALICE, "no-such-id", "", "", null));
	}

	@Test
	void staffsFirstPublicReplyIsTheFirstResponseAndTakesTheTicket() {
		Ticket ticket = raised();
		clock.advance(Duration.ofMinutes(20));
		conversation.addNote(AGENT, ticket.id(), "Check the batch");
		assertThat(tickets.findById(ticket.id()).orElseThrow().firstRespondedAt()).isNull();
		TicketView answered = conversation.reply(AGENT, ticket.id(), "We send two new chairs tomorrow.");
		assertThat(answered.ticket().status()).isEqualTo(TicketStatus.OPEN);
		assertThat(answered.ticket().firstRespondedAt()).isEqualTo(clock.instant());
		assertThat(answered.ticket().assigneeId()).isEqualTo("agent.li");
		assertThat(answered.messages()).extracting(TicketMessage::authorKind)
			.containsExactly(AuthorKind.CUSTOMER, AuthorKind.STAFF, AuthorKind.STAFF);
	}

	@Test
	void aCustomersReplyResumesATicketWaitingOnThemAndReopensAResolvedOne() {
		Ticket pending = in(TicketStatus.PENDING);
		clock.advance(Duration.ofHours(2));
		Ticket resumed = conversation.reply(ALICE, pending.id(), "Photos attached below").ticket();
		assertThat(resumed.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(resumed.sla().paused()).isFalse();
		assertThat(resumed.sla().resolutionDue()).isEqualTo(pending.sla().resolutionDue().plus(Duration.ofHours(2)));

		Ticket resolved = in(TicketStatus.RESOLVED);
		Ticket reopened = conversation.reply(ALICE, resolved.id(), "It wobbles again").ticket();
		assertThat(reopened.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(reopened.resolvedAt()).isNull();

		Ticket closed = in(TicketStatus.CLOSED);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> conversation.reply(ALICE, closed.id(), "Hello?"))
			.satisfies(ex -> assertThat(ex.reason().code()).isEqualTo("ticket.closed-already"));
	}

	@Test
	void firstContactResolutionIsOneStaffReplyAndNoCustomerReplyAfterTheOpening() {
		Ticket once = raised();
		conversation.addNote(AGENT, once.id(), "Known batch issue");
		conversation.reply(AGENT, once.id(), "Replacements are on their way.");
		assertThat(workflow.change(AGENT, once.id(), Transition.RESOLVE, null).ticket().firstContactResolution())
			.isTrue();

		Ticket twice = raised();
		conversation.reply(AGENT, twice.id(), "Which chairs?");
		conversation.reply(ALICE, twice.id(), "The black ones");
		conversation.reply(AGENT, twice.id(), "Replacements are on their way.");
		assertThat(workflow.change(AGENT, twice.id(), Transition.RESOLVE, null).ticket().firstContactResolution())
			.isFalse();

		Ticket unanswered = raised();
		assertThat(workflow.change(AGENT, unanswered.id(), Transition.RESOLVE, null).ticket().firstContactResolution())
			.isFalse();

		Ticket reopened = raised();
		conversation.reply(AGENT, reopened.id(), "Fixed.");
		workflow.change(AGENT, reopened.id(), Transition.RESOLVE, null);
		workflow.change(ALICE, reopened.id(), Transition.REOPEN, null);
		assertThat(tickets.findById(reopened.id()).orElseThrow().firstContactResolution()).isFalse();
		assertThat(workflow.change(AGENT, reopened.id(), Transition.RESOLVE, null).ticket().firstContactResolution())
			.isFalse();
	}

	@Test
	void openingAndEachResolutionAreToldToTheTimelineWithCodesAndFacts() {
		Ticket ticket = raised();
		workflow.change(AGENT, ticket.id(), Transition.RESOLVE, null);
		workflow.change(ALICE, ticket.id(), Transition.REOPEN, null);
		workflow.change(AGENT, ticket.id(), Transition.RESOLVE, null);
		List<TicketEvent> events = tickets.findById(ticket.id()).orElseThrow().outbox();
		assertThat(events).extracting(TicketEvent::eventId).containsExactly("ticket-opened:" + ticket.id(),
				"ticket-resolved:" + ticket.id(), "ticket-resolved:" + ticket.id() + ":2");
		assertThat(events.get(0).facts()).containsEntry("category", "QUALITY").containsEntry("kind", "COMPLAINT")
			.doesNotContainValue("alice.chen@acme-retail.example");
	}

	@Test
	void everyChangeIsAuditedAsItsCallerWithoutTheText() {
		NewAuditEntries mark = NewAuditEntries.since(audit);
		Ticket ticket = raised();
		conversation.reply(AGENT, ticket.id(), "secret words of the reply");
		conversation.addNote(AGENT, ticket.id(), "secret words of the note");
		workflow.assign(AGENT, ticket.id(), "agent.wang", "Wang Fang", "Speaks to the carrier daily");
		workflow.change(AGENT, ticket.id(), Transition.RESOLVE, "Replaced");
		workflow.change(ALICE, ticket.id(), Transition.CLOSE, null);
		List<AuditEvent> events = mark.events();
		assertThat(events).extracting(AuditEvent::action).containsExactly("ticket.opened", "ticket.replied",
				"ticket.note-added", "ticket.assigned", "ticket.status-changed", "ticket.status-changed");
		assertThat(events).extracting(AuditEvent::actor).containsExactly(ALICE.name(), "agent.li", "agent.li",
				"agent.li", "agent.li", ALICE.name());
		assertThat(events).allSatisfy(event -> assertThat(event.recordId()).isEqualTo(ticket.id()));
		assertThat(events.get(3).details()).containsEntry("assignee", "agent.wang")
			.containsEntry("previous_assignee", "agent.li").containsEntry("reason", "Speaks to the carrier daily");
		assertThat(events.get(4).details()).containsEntry("status", "OPEN -> RESOLVED");
		assertThat(events.toString()).doesNotContain("secret words");
	}

	@Test
	void reassigningNeedsAReasonWhichStaffSeeAsANote() {
		Ticket ticket = raised();
		workflow.assign(AGENT, ticket.id(), "", "", null);
		assertThat(tickets.findById(ticket.id()).orElseThrow().assigneeId()).isEqualTo("agent.li");
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> workflow.assign(AGENT, ticket.id(), "agent.wang", null, " "))
			.satisfies(ex -> assertThat(ex.fieldMessages()).containsOnlyKeys("reason"));
		TicketView moved = workflow.assign(AGENT, ticket.id(), "agent.wang", null, "Holiday cover");
		assertThat(moved.ticket().assignee()).isEqualTo("agent.wang");
		assertThat(moved.messages()).last().satisfies(note -> {
			assertThat(note.internal()).isTrue();
			assertThat(note.body()).isEqualTo("Holiday cover");
		});
		assertThat(conversation.get(ALICE, ticket.id()).messages()).noneMatch(TicketMessage::internal);
	}

	@Test
	void resolvedTicketsCloseAfterTheQuietPeriodUnlessSomethingHappenedSince() {
		Ticket quiet = in(TicketStatus.RESOLVED);
		Ticket noted = in(TicketStatus.RESOLVED);
		Ticket reopened = in(TicketStatus.RESOLVED);
		clock.advance(Duration.ofDays(3));
		conversation.addNote(AGENT, noted.id(), "Customer called, all fine");
		conversation.reply(ALICE, reopened.id(), "Not fixed");
		clock.advance(Duration.ofDays(4));
		assertThat(autoClose.closeQuietTickets()).isZero();
		clock.advance(Duration.ofSeconds(1));
		assertThat(autoClose.closeQuietTickets()).isOne();
		Ticket closed = tickets.findById(quiet.id()).orElseThrow();
		assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(closed.closedAt()).isEqualTo(clock.instant());
		assertThat(closed.slaStateAt(clock.instant(), 25)).isEqualTo(SlaState.MET);
		assertThat(tickets.findById(reopened.id()).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
		clock.advance(Duration.ofDays(3));
		assertThat(autoClose.closeQuietTickets()).isOne();
		assertThat(tickets.findById(noted.id()).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
	}

	@Test
	void twoReplicasClosingAtOnceCloseEachTicketOnce() throws Exception {
		List<Ticket> resolved = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			resolved.add(in(TicketStatus.RESOLVED));
		}
		clock.advance(Duration.ofDays(8));
		ExecutorService replicas = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> run = autoClose::closeQuietTickets;
			List<Future<Integer>> runs = replicas.invokeAll(List.of(run, run));
			assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(resolved.size());
		}
		finally {
			replicas.shutdownNow();
		}
		assertThat(tickets.findAll()).allSatisfy(t -> assertThat(t.status()).isEqualTo(TicketStatus.CLOSED));
		assertThat(tickets.findAll()).allSatisfy(t -> assertThat(t.version()).isEqualTo(
				resolved.stream().filter(r -> r.id().equals(t.id())).findFirst().orElseThrow().version() + 1));
	}
}
