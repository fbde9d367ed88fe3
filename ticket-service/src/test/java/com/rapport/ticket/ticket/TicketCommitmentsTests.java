package com.rapport.ticket.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.test.MutableClock;
import com.rapport.support.test.TestTokens;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.figures.TicketFigures;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.Tier;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Commitments made in tickets, on the embedded store with the clock the test moves and the reminders through a real
 * SMTP server (GreenMail, in process): the rules on their edges (due exactly now, kept exactly at the due time, kept
 * a second late), what customers and partners never see, the round's reminder and break claimed once under two
 * replicas, the timeline's events and the figures.
 */
@TicketDeskTest
class TicketCommitmentsTests {

	@RegisterExtension
	static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static final String MANAGER_MAIL = "wang.manager@rapport.example";

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(),
			"rapport-gateway", "");

	/** An agent whose user name is their address: a reminder of their own promise goes to them. */
	static final Caller MAILED_AGENT = new Caller("li.na@supplier.example", Set.of(Caller.AGENT), Set.of(),
			Optional.empty(), "rapport-gateway", "");

	static final Caller OTHER_AGENT = new Caller("agent.zhou", Set.of(Caller.AGENT), Set.of(), Optional.empty(),
			"rapport-gateway", "");

	static final Caller MANAGER = new Caller("manager.wang", Set.of(Caller.MANAGER), Set.of(), Optional.empty(),
			"rapport-gateway", "");

	static final Caller ALICE = new Caller("alice.chen@acme-retail.example", Set.of(Caller.CUSTOMER), Set.of(),
			Optional.of("acme-retail"), "rapport-gateway", "");

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("rapport.tickets.escalation.manager-email", () -> MANAGER_MAIL);
	}

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketCommitments commitments;

	@Autowired
	CommitmentSweep sweep;

	@Autowired
	TicketConversation conversation;

	@Autowired
	TicketRepository tickets;

	@Autowired
	TicketFigures figures;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() throws Exception {
		tickets.deleteAll();
		SMTP.purgeEmailFromAllMailboxes();
		clock.advance(Duration.between(clock.instant(), TicketDeskTest.NOW));
		given(customers.tierOf(anyString())).willReturn(Tier.KEY);
	}

	private Ticket raised() {
		TicketRequest request = new TicketRequest("", "Chairs wobble", "Two of the chairs from ACME-1012 wobble",
				TicketKind.COMPLAINT, Category.QUALITY, null, Priority.HIGH, "ACME-1012", null, null, null, null);
		return intake.open(ALICE, request).ticket();
	}

	private Commitment promise(Caller caller, Ticket ticket, Duration dueIn) {
		return commitments.record(caller, new TicketCommitments.NewCommitment(ticket.number(),
				Commitment.Kind.CALL_BACK, "We call you back about the chairs", null, null, clock.instant().plus(dueIn)));
	}

	private Ticket stored(Ticket ticket) {
		return tickets.findById(ticket.id()).orElseThrow();
	}

	private List<TicketEvent.Kind> commitmentEvents(Ticket ticket) {
		return stored(ticket).outbox().stream().map(TicketEvent::kind)
			.filter(kind -> kind.name().startsWith("COMMITMENT_")).toList();
	}

	/** The round run by two replicas at once; answers what they did together. */
	private static int twoReplicasAtOnce(Callable<Integer> round) throws Exception {
		ExecutorService replicas = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> done = replicas.invokeAll(List.of(round, round));
			return done.get(0).get() + done.get(1).get();
		}
		finally {
			replicas.shutdown();
		}
	}

	@Test
	void aPromiseIsRefusedWithEachBadFieldNamedAndOnlyStaffMakeOne() {
		Ticket ticket = raised();
		assertThatThrownBy(() -> commitments.record(AGENT,
				new TicketCommitments.NewCommitment(ticket.id(), null, " ", null, "x".repeat(101), null)))
			.isInstanceOfSatisfying(UnprocessableException.class, ex -> {
				assertThat(ex.reason().code()).isEqualTo("commitment.cannot-record");
				assertThat(ex.fieldMessages()).containsOnlyKeys("kind", "what", "dueAt", "ownerName");
				assertThat(ex.fieldMessages().get("kind").code()).isEqualTo("commitment.kind.required");
				assertThat(ex.fieldMessages().get("ownerName").code()).isEqualTo("field.too-long");
			});
		// Due exactly now is not a promise about the future; a second later is.
		assertThatThrownBy(() -> promise(AGENT, ticket, Duration.ZERO))
			.isInstanceOfSatisfying(UnprocessableException.class,
					ex -> assertThat(ex.fieldMessages().get("dueAt").code()).isEqualTo("commitment.due.future"));
		assertThat(promise(AGENT, ticket, Duration.ofSeconds(1)).isOpen()).isTrue();
		assertThatThrownBy(() -> promise(ALICE, ticket, Duration.ofDays(1))).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theOwnerIsTheCallerByDefaultAndOnlyTheOwnerOrAManagerKeepsIt() {
		Ticket ticket = raised();
		Commitment mine = promise(AGENT, ticket, Duration.ofDays(1));
		assertThat(mine.ownerId()).isEqualTo("agent.li");
		assertThat(mine.madeById()).isEqualTo("agent.li");
		assertThatThrownBy(() -> commitments.keep(OTHER_AGENT, ticket.id(), mine.id()))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(commitments.keep(MANAGER, ticket.id(), mine.id()).status()).isEqualTo(Commitment.Status.KEPT);
		assertThatThrownBy(() -> commitments.keep(AGENT, ticket.id(), mine.id()))
			.isInstanceOfSatisfying(ConflictException.class,
					ex -> assertThat(ex.reason().code()).isEqualTo("commitment.kept-already"));

		Commitment given = commitments.record(AGENT, new TicketCommitments.NewCommitment(ticket.id(),
				Commitment.Kind.FIX, "Replace the two chairs", "agent.zhou", "Zhou Min", clock.instant().plusSeconds(60)));
		assertThat(given.ownerId()).isEqualTo("agent.zhou");
		assertThat(given.ownerName()).isEqualTo("Zhou Min");
		assertThat(commitments.keep(OTHER_AGENT, ticket.id(), given.id()).keptInTime()).isTrue();
	}

	@Test
	void keptExactlyAtItsDueTimeIsKeptASecondLaterIsBrokenAndCountedOnce() {
		Ticket ticket = raised();
		Commitment onTime = promise(AGENT, ticket, Duration.ofHours(1));
		Commitment late = promise(AGENT, ticket, Duration.ofHours(1));
		clock.advance(Duration.ofHours(1));
		Commitment kept = commitments.keep(AGENT, ticket.id(), onTime.id());
		assertThat(kept.keptInTime()).isTrue();
		assertThat(kept.brokenAt(clock.instant())).isFalse();
		assertThat(sweep.findBroken()).as("due exactly now is not past due").isZero();

		clock.advance(Duration.ofSeconds(1));
		Commitment keptLate = commitments.keep(AGENT, ticket.id(), late.id());
		assertThat(keptLate.status()).isEqualTo(Commitment.Status.KEPT);
		assertThat(keptLate.keptInTime()).isFalse();
		assertThat(keptLate.brokenAt()).isEqualTo(clock.instant());
		assertThat(sweep.findBroken()).as("kept late is broken already, never twice").isZero();
		assertThat(commitmentEvents(ticket)).containsExactly(TicketEvent.Kind.COMMITMENT_MADE,
				TicketEvent.Kind.COMMITMENT_MADE, TicketEvent.Kind.COMMITMENT_KEPT, TicketEvent.Kind.COMMITMENT_KEPT,
				TicketEvent.Kind.COMMITMENT_BROKEN);

		TicketFigures.Commitments counted = figures.of(MANAGER, "2026-11", "2026-11", "").commitments();
		assertThat(counted.total()).isEqualTo(new TicketFigures.Promises("", 1, 1));
		assertThat(counted.byMonth()).containsExactly(new TicketFigures.Promises("2026-11", 1, 1));
		assertThat(counted.byOwner()).containsExactly(new TicketFigures.Promises(AGENT.name(), 1, 1));
		assertThat(counted.byOrganisation()).containsExactly(new TicketFigures.Promises("acme-retail", 1, 1));
		TicketFigures.Commitments own = figures.of(ALICE, "2026-11", "2026-11", "").commitments();
		assertThat(own.total()).isEqualTo(new TicketFigures.Promises("", 1, 1));
		assertThat(own.byOwner()).as("who keeps promises is staff's").isEmpty();
	}

	@Autowired
	CommitmentKeysBackfill backfill;

	@Autowired
	org.springframework.data.mongodb.core.MongoTemplate mongo;

	/** Session 16: promises stored before the sweep's keys existed get them once at start, and are then swept. */
	@Test
	void promisesStoredBeforeTheSweepsKeysGetThemAtStartAndAreFoundBroken() {
		Ticket ticket = raised();
		Commitment open = promise(AGENT, ticket, Duration.ofHours(1));
		// As an earlier version stored it: no keys.
		mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(ticket.id())),
				new org.springframework.data.mongodb.core.query.Update().unset("commitments.0.remindKey")
					.unset("commitments.0.breakKey")
					.unset("queue.promiseDueAt"),
				"tickets");
		mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(CommitmentKeysBackfill.MARKER)),
				"migrations");
		clock.advance(Duration.ofHours(1).plusSeconds(1));
		assertThat(sweep.findBroken()).as("without its key the round cannot see it").isZero();
		long version = stored(ticket).version();

		backfill.run(null);
		assertThat(stored(ticket).version()).as("the version is not raised").isEqualTo(version);
		assertThat(mongo.findById(ticket.id(), org.bson.Document.class, "tickets").get("queue", org.bson.Document.class)
			.get("promiseDueAt")).as("session 17: the queue's promise key is stored too (the console's promises due view)")
			.isEqualTo(java.util.Date.from(open.dueAt()));
		assertThat(sweep.findBroken()).isEqualTo(1);
		assertThat(stored(ticket).commitment(open.id()).orElseThrow().brokenAt()).isEqualTo(clock.instant());
	}

	@Test
	void twoReplicasFindAPastDueCommitmentBrokenOnceAndItStaysShownToTheCustomerAsOverdue() throws Exception {
		Ticket ticket = raised();
		Commitment open = promise(AGENT, ticket, Duration.ofHours(1));
		Commitment cancelledInTime = promise(AGENT, ticket, Duration.ofHours(1));
		commitments.cancel(MANAGER, ticket.id(), cancelledInTime.id(), "The customer picked the chairs up");
		clock.advance(Duration.ofHours(1).plusSeconds(1));

		assertThat(twoReplicasAtOnce(sweep::findBroken)).as("broken, by the two").isEqualTo(1);
		assertThat(sweep.findBroken()).isZero();
		assertThat(stored(ticket).commitment(open.id()).orElseThrow().brokenAt()).isEqualTo(clock.instant());
		assertThat(commitmentEvents(ticket)).containsExactly(TicketEvent.Kind.COMMITMENT_MADE,
				TicketEvent.Kind.COMMITMENT_MADE, TicketEvent.Kind.COMMITMENT_BROKEN);

		TicketView seen = conversation.get(ALICE, ticket.number());
		assertThat(seen.commitments()).as("the cancelled one is no longer shown").extracting(Commitment::id)
			.containsExactly(open.id());
		assertThat(seen.commitments().get(0).brokenAt(seen.asOf())).isTrue();
		assertThat(figures.of(MANAGER, "2026-11", "2026-11", "").commitments().total())
			.as("cancelled before its due time: in no count").isEqualTo(new TicketFigures.Promises("", 0, 1));
	}

	@Test
	void twoReplicasRemindTheOwnerOnceBeforeItFallsDue() throws Exception {
		Ticket ticket = raised();
		Commitment own = promise(MAILED_AGENT, ticket, Duration.ofHours(3));
		Commitment other = commitments.record(AGENT, new TicketCommitments.NewCommitment(ticket.id(),
				Commitment.Kind.CREDIT_NOTE, "A credit note for the chairs", "agent.zhou", "Zhou Min",
				clock.instant().plus(Duration.ofHours(3))));
		clock.advance(Duration.ofMinutes(59));
		assertThat(sweep.remindOwners()).as("more than the lead time (2 h) before").isZero();
		clock.advance(Duration.ofMinutes(1));

		assertThat(twoReplicasAtOnce(sweep::remindOwners)).as("reminders sent by the two").isEqualTo(2);
		assertThat(sweep.remindOwners()).as("once, never twice").isZero();
		MimeMessage[] mails = SMTP.getReceivedMessages();
		assertThat(mails).hasSize(2);
		assertThat(List.of(mails[0].getAllRecipients()[0].toString(), mails[1].getAllRecipients()[0].toString()))
			.as("their own promise to them; another agent's to the manager, naming them")
			.containsExactlyInAnyOrder("li.na@supplier.example", MANAGER_MAIL);
		assertThat(stored(ticket).commitment(own.id()).orElseThrow().remindedAt()).isEqualTo(clock.instant());
		assertThat(stored(ticket).commitment(other.id()).orElseThrow().remindedAt()).isEqualTo(clock.instant());
	}

	@Test
	void partnersAndCustomersReadTheOpenPromisesWithoutStaffsFields() throws Exception {
		Ticket ticket = raised();
		Commitment open = commitments.record(AGENT, new TicketCommitments.NewCommitment(ticket.id(),
				Commitment.Kind.FIX, "Replace the two chairs", "agent.zhou", "Zhou Min", clock.instant().plusSeconds(600)));
		Commitment cancelled = promise(AGENT, ticket, Duration.ofDays(1));
		commitments.cancel(AGENT, ticket.id(), cancelled.id(), "SECRET-REASON the plant refused");

		String json = mvc.perform(get("/api/tickets/v1/tickets/" + ticket.id()).with(as(TestTokens.partner("tickets.read"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(json).contains("\"commitments\":[{\"id\":\"" + open.id() + "\",\"kind\":\"FIX\"")
			.contains("\"ownerName\":\"Zhou Min\"")
			.doesNotContain("agent.zhou", "SECRET-REASON", cancelled.id(), "madeBy");
		assertThat(conversation.get(AGENT, ticket.id()).commitments()).as("staff see every one").hasSize(2);
	}
}
