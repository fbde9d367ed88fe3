package com.rapport.ticket.ticket;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.rapport.support.security.Caller;
import com.rapport.support.test.MutableClock;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.SlaState;
import com.rapport.ticket.sla.Tier;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/**
 * Breaches and critical complaints reaching the manager: the sweep driven by the test with the clock it moves, on
 * the embedded store, mails through a real SMTP server (GreenMail, in process). Key tier, high priority: first
 * response in 2 h, resolution in 12 h (round the clock in the tests' calendar).
 */
@TicketDeskTest
class EscalationSweepTests {

	/** A real SMTP server on a free port, started before the context asks for its port. */
	@RegisterExtension
	static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static final Caller ALICE = new Caller("alice.chen@acme-retail.example", Set.of(Caller.CUSTOMER), Set.of(),
			Optional.of("acme-retail"), "rapport-gateway", "");

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("rapport.tickets.escalation.manager-email", () -> "wang.manager@rapport.example");
	}

	@Autowired
	TicketIntake intake;

	@Autowired
	EscalationSweep sweep;

	@Autowired
	TicketRepository tickets;

	@Autowired
	MutableClock clock;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MongoTemplate mongo;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() throws Exception {
		tickets.deleteAll();
		SMTP.purgeEmailFromAllMailboxes();
		clock.advance(Duration.between(clock.instant(), TicketDeskTest.NOW));
		given(customers.tierOf(anyString())).willReturn(Tier.KEY);
	}

	private Ticket raised(TicketKind kind, Severity severity) {
		TicketRequest request = new TicketRequest("", "Chairs wobble", "Two of the chairs from ACME-1012 wobble", kind,
				Category.QUALITY, severity, Priority.HIGH, "ACME-1012", null, null, null, null);
		return intake.open(ALICE, request).ticket();
	}

	@Test
	void aBreachIsEscalatedOnceWithThePriorityOneStepUpAMailAndANote() throws Exception {
		Ticket ticket = raised(TicketKind.REQUEST, null);
		double before = escalations("BREACH");

		clock.advance(Duration.ofMinutes(119));
		assertThat(sweep.escalateBreaches()).as("at risk, not breached yet").isZero();
		clock.advance(Duration.ofMinutes(2));
		assertThat(sweep.escalateBreaches()).isEqualTo(1);
		assertThat(sweep.escalateBreaches()).as("once").isZero();
		assertThat(sweep.sendOwedMails()).isEqualTo(1);
		assertThat(sweep.sendOwedMails()).as("sent once").isZero();

		Ticket escalated = tickets.findById(ticket.id()).orElseThrow();
		assertThat(escalated.priority()).isEqualTo(Priority.URGENT);
		assertThat(escalated.escalations()).singleElement().satisfies(e -> {
			assertThat(e.kind()).isEqualTo(Escalation.Kind.BREACH);
			assertThat(e.fromPriority()).isEqualTo(Priority.HIGH);
			assertThat(e.toPriority()).isEqualTo(Priority.URGENT);
			assertThat(e.mailPending()).isNull();
			assertThat(e.mailedAt()).isEqualTo(clock.instant());
		});
		// Urgent for key: resolution in 6 h instead of 12 h, the difference taken off the running due time.
		assertThat(escalated.sla().resolutionDue()).isEqualTo(ticket.sla().resolutionDue().minus(Duration.ofHours(6)));
		assertThat(escalated.messages()).last().satisfies(note -> {
			assertThat(note.internal()).isTrue();
			assertThat(note.authorKind()).isEqualTo(AuthorKind.SYSTEM);
			assertThat(note.body()).contains("SLA breached").contains("HIGH -> URGENT");
		});
		assertThat(escalations("BREACH") - before).isEqualTo(1.0);
		MimeMessage[] mails = SMTP.getReceivedMessages();
		assertThat(mails).hasSize(1);
		assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("wang.manager@rapport.example");
		assertThat(mails[0].getSubject()).contains("SLA breached").contains(ticket.number());
		assertThat(GreenMailUtil.getBody(mails[0])).isNotBlank();
		assertThat(mails[0].getHeader("Auto-Submitted")).containsExactly("auto-generated");
	}

	@Test
	void twoReplicasSweepingTogetherEscalateEachTicketOnce() throws Exception {
		for (int i = 0; i < 6; i++) {
			raised(TicketKind.REQUEST, null);
		}
		clock.advance(Duration.ofHours(3));
		double before = escalations("BREACH");

		ExecutorService replicas = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> round = sweep::escalateBreaches;
			List<Future<Integer>> done = replicas.invokeAll(List.of(round, round));
			assertThat(done.get(0).get() + done.get(1).get()).isEqualTo(6);
		}
		finally {
			replicas.shutdown();
		}

		assertThat(tickets.findAll()).allSatisfy(t -> {
			assertThat(t.escalations()).hasSize(1);
			assertThat(t.priority()).isEqualTo(Priority.URGENT);
		});
		assertThat(escalations("BREACH") - before).isEqualTo(6.0);
	}

	@Test
	void twoReplicasSendingTheOwedMailsTogetherMailTheManagerOncePerEscalation() throws Exception {
		for (int i = 0; i < 6; i++) {
			raised(TicketKind.REQUEST, null);
		}
		clock.advance(Duration.ofHours(3));
		assertThat(sweep.escalateBreaches()).isEqualTo(6);

		ExecutorService replicas = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> round = sweep::sendOwedMails;
			List<Future<Integer>> done = replicas.invokeAll(List.of(round, round));
			assertThat(done.get(0).get() + done.get(1).get()).as("mails sent by the two").isEqualTo(6);
		}
		finally {
			replicas.shutdown();
		}
		assertThat(SMTP.getReceivedMessages()).as("one mail per escalation").hasSize(6);
		assertThat(sweep.sendOwedMails()).isZero();
	}

	@Test
	void aMailAnotherReplicaHoldsIsLeftToItUntilItsClaimRunsOut() throws Exception {
		Ticket ticket = raised(TicketKind.REQUEST, null);
		clock.advance(Duration.ofHours(3));
		assertThat(sweep.escalateBreaches()).isEqualTo(1);
		// Another replica took the mail and died before sending it.
		mongo.updateFirst(Query.query(Criteria.where("_id").is(ticket.id())),
				new Update().set("escalations.0.mailClaimedUntil", clock.instant().plus(EscalationSweep.MAIL_CLAIM)),
				Ticket.class);

		assertThat(sweep.sendOwedMails()).as("held by the other").isZero();
		assertThat(SMTP.getReceivedMessages()).isEmpty();
		clock.advance(EscalationSweep.MAIL_CLAIM.plusSeconds(1));
		assertThat(sweep.sendOwedMails()).as("owed again once the claim ran out").isEqualTo(1);
		assertThat(SMTP.getReceivedMessages()).hasSize(1);
		assertThat(tickets.findById(ticket.id()).orElseThrow().escalations()).singleElement()
			.satisfies(e -> assertThat(e.mailPending()).isNull());
	}

	@Test
	void aTicketAnsweredInTimeOrWaitingOnTheCustomerIsNotEscalated() {
		Ticket ticket = raised(TicketKind.REQUEST, null);
		clock.advance(Duration.ofHours(1));
		tickets.save(tickets.findById(ticket.id()).orElseThrow()
			.waitingOnCustomerFrom(clock.instant(), com.rapport.ticket.sla.BusinessCalendar.ROUND_THE_CLOCK));
		clock.advance(Duration.ofDays(3));

		assertThat(sweep.escalateBreaches()).isZero();
		assertThat(tickets.findById(ticket.id()).orElseThrow().slaStateAt(clock.instant(), 25))
			.isEqualTo(SlaState.PAUSED);
	}

	@Test
	void aCriticalComplaintGoesToTheManagerAtOnceWithoutChangingItsPriority() throws Exception {
		double before = escalations("CRITICAL_COMPLAINT");
		Ticket ticket = raised(TicketKind.COMPLAINT, Severity.CRITICAL);
		Ticket minor = raised(TicketKind.COMPLAINT, Severity.MINOR);

		assertThat(sweep.sendOwedMails()).isEqualTo(1);

		assertThat(ticket.priority()).isEqualTo(Priority.HIGH);
		assertThat(ticket.escalations()).extracting(Escalation::kind)
			.containsExactly(Escalation.Kind.CRITICAL_COMPLAINT);
		assertThat(minor.escalations()).isEmpty();
		assertThat(escalations("CRITICAL_COMPLAINT") - before).isEqualTo(1.0);
		MimeMessage[] mails = SMTP.getReceivedMessages();
		assertThat(mails).hasSize(1);
		assertThat(mails[0].getSubject()).contains("Critical complaint").contains(ticket.number());
		// It still escalates once more if it breaches: the breach raises the priority.
		clock.advance(Duration.ofHours(3));
		assertThat(sweep.escalateBreaches()).isEqualTo(2);
		assertThat(tickets.findById(ticket.id()).orElseThrow().escalations()).hasSize(2);
	}

	private double escalations(String kind) {
		var counter = meters.find(EscalationSweep.ESCALATED).tag("kind", kind).counter();
		return counter == null ? 0 : counter.count();
	}
}
