package com.rapport.ticket.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import com.rapport.support.audit.AuditEvent;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.test.MutableClock;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.SlaPolicy;
import com.rapport.ticket.sla.SlaSettings;
import com.rapport.ticket.sla.SlaState;
import com.rapport.ticket.sla.Tier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/**
 * The SLA through the desk (key tier: 4 h first response and next reply, 24 h resolution for normal priority;
 * high half, urgent a quarter; these tests' calendar works round the clock): the next reply owed after the
 * customer's reply, a change of priority, and tickets keeping their due times when the policies change.
 */
@TicketDeskTest
class TicketSlaTests {

	static final Instant NOW = TicketDeskTest.NOW;

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(),
			"rapport-gateway", "");

	static final Caller MANAGER = new Caller("manager.wang", Set.of(Caller.MANAGER), Set.of(), Optional.empty(),
			"rapport-gateway", "");

	static final Caller ALICE = new Caller("alice.chen@acme-retail.example", Set.of(Caller.CUSTOMER), Set.of(),
			Optional.of("acme-retail"), "rapport-gateway", "");

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketConversation conversation;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	SlaSettings settings;

	@Autowired
	TicketRepository tickets;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoAuditTrail audit;

	@Autowired
	MutableClock clock;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() {
		clock.advance(Duration.between(clock.instant(), NOW));
		tickets.deleteAll();
		mongo.dropCollection(SlaPolicy.class);
		mongo.dropCollection(BusinessCalendar.class);
		given(customers.tierOf(anyString())).willReturn(Tier.KEY);
	}

	private Ticket raised(Priority priority) {
		TicketRequest request = new TicketRequest("", "Chairs wobble", "Two of the chairs from ACME-1012 wobble",
				TicketKind.COMPLAINT, Category.QUALITY, null, priority, "ACME-1012", null, null, null, null);
		return intake.open(ALICE, request).ticket();
	}

	private SlaState stateOf(Ticket ticket) {
		return conversation.get(AGENT, ticket.id()).slaState();
	}

	@Test
	void aCustomersReplyIsOwedAStaffReplyWithinTheNextReplyTarget() {
		Ticket ticket = raised(Priority.HIGH);
		conversation.reply(AGENT, ticket.id(), "We look into it");
		clock.advance(Duration.ofHours(1));
		Ticket owed = conversation.reply(ALICE, ticket.id(), "Any news?").ticket();
		// High priority on the key tier: two hours for the next reply.
		assertThat(owed.sla().nextReplyDue()).isEqualTo(NOW.plus(Duration.ofHours(3)));
		clock.advance(Duration.ofMinutes(90));
		assertThat(stateOf(ticket)).isEqualTo(SlaState.ON_TRACK);
		clock.advance(Duration.ofMinutes(1));
		assertThat(stateOf(ticket)).as("less than a quarter of two hours left").isEqualTo(SlaState.AT_RISK);

		Ticket answered = conversation.reply(AGENT, ticket.id(), "The carrier comes tomorrow").ticket();
		assertThat(answered.sla().replyOwed()).isFalse();
		assertThat(stateOf(ticket)).isEqualTo(SlaState.ON_TRACK);

		conversation.reply(ALICE, ticket.id(), "Which time?");
		clock.advance(Duration.ofHours(2).plusSeconds(1));
		assertThat(stateOf(ticket)).isEqualTo(SlaState.BREACHED);
		conversation.reply(AGENT, ticket.id(), "Between 9 and 12");
		assertThat(stateOf(ticket)).as("answered late: a breach stays").isEqualTo(SlaState.BREACHED);
	}

	@Test
	void noNextReplyIsOwedBeforeTheFirstResponseWhichHasItsOwnTarget() {
		Ticket ticket = raised(Priority.NORMAL);
		Ticket more = conversation.reply(ALICE, ticket.id(), "And a third one too").ticket();
		assertThat(more.sla().replyOwed()).isFalse();
		assertThat(more.sla().firstResponseDue()).isEqualTo(NOW.plus(Duration.ofHours(4)));
	}

	@Test
	void aChangeOfPriorityRecomputesTheRunningTargetsWithItsReasonAsANote() {
		Ticket ticket = raised(Priority.NORMAL);
		assertThat(ticket.sla().resolutionDue()).isEqualTo(NOW.plus(Duration.ofHours(24)));
		clock.advance(Duration.ofMinutes(30));
		NewAuditEntries mark = NewAuditEntries.since(audit);

		TicketView urgent = workflow.changePriority(AGENT, ticket.number(), Priority.URGENT, "Their line stands still");

		// Urgent on the key tier: one hour to the first response, six to the resolution, from the opening.
		assertThat(urgent.ticket().priority()).isEqualTo(Priority.URGENT);
		assertThat(urgent.ticket().sla().firstResponseDue()).isEqualTo(NOW.plus(Duration.ofHours(1)));
		assertThat(urgent.ticket().sla().resolutionDue()).isEqualTo(NOW.plus(Duration.ofHours(6)));
		assertThat(urgent.slaState()).as("half of the first hour gone").isEqualTo(SlaState.ON_TRACK);
		assertThat(urgent.messages()).last().satisfies(note -> {
			assertThat(note.internal()).isTrue();
			assertThat(note.body()).isEqualTo("Their line stands still");
		});
		AuditEvent event = mark.single();
		assertThat(event.action()).isEqualTo("ticket.priority-changed");
		assertThat(event.details()).containsEntry("priority", "NORMAL -> URGENT")
			.containsEntry("reason", "Their line stands still");
		assertThat(conversation.get(ALICE, ticket.id()).messages()).noneMatch(TicketMessage::internal);

		TicketView again = workflow.changePriority(AGENT, ticket.id(), Priority.URGENT, "Still urgent");
		assertThat(again.ticket().sla()).as("the same priority changes nothing").isEqualTo(urgent.ticket().sla());
	}

	@Test
	void aChangeOfPriorityIsForStaffWithAReasonOnATicketStillOpen() {
		Ticket ticket = raised(Priority.NORMAL);
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> workflow.changePriority(ALICE, ticket.id(), Priority.URGENT, "Please"));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> workflow.changePriority(AGENT, ticket.id(), null, " "))
			.satisfies(ex -> {
				assertThat(ex.reason().code()).isEqualTo("ticket.cannot-change-priority");
				assertThat(ex.fieldMessages()).containsOnlyKeys("priority", "reason");
			});
		workflow.change(AGENT, ticket.id(), Transition.RESOLVE, null);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> workflow.changePriority(AGENT, ticket.id(), Priority.HIGH, "Too late"));
	}

	@Test
	void aTicketKeepsItsDueTimesWhenThePolicyChangesLaterAndNewTicketsGetTheNewOne() {
		Ticket before = raised(Priority.HIGH);
		settings.savePolicy(MANAGER, SlaPolicy.of(Tier.KEY, Priority.HIGH, Duration.ofMinutes(30),
				Duration.ofMinutes(30), Duration.ofHours(1), BusinessCalendar.STANDARD));

		Ticket after = raised(Priority.HIGH);

		assertThat(tickets.findById(before.id()).orElseThrow().sla()).isEqualTo(before.sla());
		assertThat(before.sla().resolutionDue()).isEqualTo(NOW.plus(Duration.ofHours(12)));
		assertThat(after.sla().firstResponseDue()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
		assertThat(after.sla().resolutionDue()).isEqualTo(NOW.plus(Duration.ofHours(1)));
	}
}
