package com.rapport.ticket.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.test.FixedClock;
import com.rapport.ticket.MongoAuditingConfiguration;
import com.rapport.ticket.customer.ContactDirectory;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.Category;
import com.rapport.ticket.ticket.Channel;
import com.rapport.ticket.ticket.Classification;
import com.rapport.ticket.ticket.Requester;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketKind;
import com.rapport.ticket.ticket.TicketRepository;
import com.rapport.ticket.ticket.TicketStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Automatic assignment on the real (embedded) store: the round-robin, what makes an agent skipped, the account
 * manager first, and two replicas (two assigners, many threads) on one store assigning every ticket once and in turn.
 */
@DataMongoTest
@Import({ SupportTeams.class, AutoAssignment.class, MongoAuditingConfiguration.class, FixedClock.class })
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class AutoAssignmentTests {

	static final Requester ALICE = Requester.of("contact-alice", "Alice Chen", "alice.chen@acme-retail.example");

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TicketRepository tickets;

	@Autowired
	SupportTeams teams;

	@Autowired
	AutoAssignment assignment;

	@Autowired
	Clock clock;

	@MockitoBean
	CustomerDirectory customers;

	@MockitoBean
	ContactDirectory contacts;

	@MockitoBean
	AuditTrail audit;

	private int numbers;

	@BeforeEach
	void emptyStore() {
		for (Class<?> type : List.of(Ticket.class, SupportTeam.class, Rotation.class, AssignmentPick.class)) {
			mongo.remove(new Query(), type);
		}
	}

	@Test
	void theTeamsAgentsGetTicketsInTurnGoingRound() {
		team("support", List.of(), agent("ann"), agent("bo"), agent("cai"));

		List<String> assignees = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			String id = ticket(Category.QUESTION, Tier.NORMAL, null).id();
			assertThat(assignment.assign(id)).isEqualTo(AutoAssignment.Outcome.ASSIGNED);
			assignees.add(tickets.findById(id).orElseThrow().assigneeId());
			ids.add(id);
		}

		assertThat(assignees).containsExactly("ann", "bo", "cai", "ann", "bo", "cai", "ann");
		Ticket one = tickets.findById(ids.get(0)).orElseThrow();
		assertThat(one.assignee()).isEqualTo("ANN");
		assertThat(one.queue().assignee()).as("the queue's key follows").isEqualTo("ann");
		verifyNoInteractions(audit);
	}

	@Test
	void agentsAwayAtTheirCapOrWithoutTheSkillAreSkipped() {
		given(contacts.contact(anyString(), any(), any())).willReturn(Optional.of(new ContactDirectory.KnownContact(
				"acme-retail", "contact-alice", "Alice Chen", "alice.chen@acme-retail.example", "zh-CN", "Asia/Shanghai",
				false)));
		team("support", List.of(), new TeamAgent("away", "Away", List.of(), List.of(), 10, false),
				new TeamAgent("full", "Full", List.of(), List.of(), 1, true),
				new TeamAgent("billing", "Billing", List.of(Category.BILLING), List.of(), 10, true),
				new TeamAgent("english", "English", List.of(), List.of("en"), 10, true), agent("fits"));
		ticket(Category.QUALITY, Tier.NORMAL, "full");

		String quality = ticket(Category.QUALITY, Tier.NORMAL, null).id();
		String billing = ticket(Category.BILLING, Tier.NORMAL, null).id();

		assertThat(assignment.assign(quality)).isEqualTo(AutoAssignment.Outcome.ASSIGNED);
		assertThat(tickets.findById(quality).orElseThrow().assigneeId()).isEqualTo("fits");
		// The round goes on after "fits": wrapping round, "billing" is the first who can take a billing ticket.
		assertThat(assignment.assign(billing)).isEqualTo(AutoAssignment.Outcome.ASSIGNED);
		assertThat(tickets.findById(billing).orElseThrow().assigneeId()).isEqualTo("billing");
	}

	@Test
	void aTicketNobodyCanTakeWaitsAndIsAssignedOnceSomebodyCan() {
		team("support", List.of(), new TeamAgent("full", "Full", List.of(), List.of(), 1, true));
		ticket(Category.QUALITY, Tier.NORMAL, "full");
		String waiting = ticket(Category.QUALITY, Tier.NORMAL, null).id();

		assertThat(assignment.assign(waiting)).isEqualTo(AutoAssignment.Outcome.NOBODY_AVAILABLE);
		assertThat(tickets.findById(waiting).orElseThrow().assigneeId()).isNull();
		assertThat(mongo.findById(waiting, AssignmentPick.class)).as("the claim is let go").isNull();

		team("support", List.of(), new TeamAgent("full", "Full", List.of(), List.of(), 2, true));
		assertThat(assignment.assignWaiting(10)).isEqualTo(1);
		assertThat(tickets.findById(waiting).orElseThrow().assigneeId()).isEqualTo("full");
	}

	@Test
	void aCategoryNoTeamTakesStaysUnassigned() {
		team("quality", List.of(Category.QUALITY), agent("ann"));
		String delivery = ticket(Category.DELIVERY, Tier.NORMAL, null).id();

		assertThat(assignment.assign(delivery)).isEqualTo(AutoAssignment.Outcome.NO_TEAM);
		assertThat(tickets.findById(delivery).orElseThrow().assigneeId()).isNull();
	}

	@Test
	void aVipOrganisationsTicketGoesToItsAccountManagerFirstWithoutTakingATurn() {
		given(customers.accountManagerOf("acme-retail")).willReturn(Optional.of("cai"));
		team("support", List.of(), agent("ann"), agent("bo"), new TeamAgent("cai", "Cai", List.of(), List.of(), 2, true));

		String vip = ticket(Category.QUALITY, Tier.VIP, null).id();
		String normal = ticket(Category.QUALITY, Tier.NORMAL, null).id();
		assertThat(assignment.assign(vip)).isEqualTo(AutoAssignment.Outcome.ASSIGNED);
		assertThat(assignment.assign(normal)).isEqualTo(AutoAssignment.Outcome.ASSIGNED);

		assertThat(tickets.findById(vip).orElseThrow().assigneeId()).isEqualTo("cai");
		assertThat(tickets.findById(normal).orElseThrow().assigneeId()).as("the round starts where it was").isEqualTo("ann");

		// At their cap the account manager is passed by: the round goes on.
		String second = ticket(Category.QUALITY, Tier.VIP, null).id();
		assertThat(assignment.assign(second)).isEqualTo(AutoAssignment.Outcome.ASSIGNED);
		assertThat(tickets.findById(second).orElseThrow().assigneeId()).isEqualTo("cai");
		String third = ticket(Category.QUALITY, Tier.VIP, null).id();
		assertThat(assignment.assign(third)).isEqualTo(AutoAssignment.Outcome.ASSIGNED);
		assertThat(tickets.findById(third).orElseThrow().assigneeId()).isEqualTo("bo");
	}

	@Test
	void whenCustomerServiceCannotSayTheAccountManagerTheRoundDecides() {
		given(customers.accountManagerOf(anyString()))
			.willThrow(new RemoteUnavailableException("customer-service", new IllegalStateException("down")));
		team("support", List.of(), agent("ann"), agent("bo"));

		String vip = ticket(Category.QUALITY, Tier.VIP, null).id();

		assertThat(assignment.assign(vip)).isEqualTo(AutoAssignment.Outcome.ASSIGNED);
		assertThat(tickets.findById(vip).orElseThrow().assigneeId()).isEqualTo("ann");
	}

	@Test
	void anAssignedTicketIsLeftAsItIsWithoutTakingATurn() {
		team("support", List.of(), agent("ann"));
		String assigned = ticket(Category.QUALITY, Tier.NORMAL, "someone").id();

		assertThat(assignment.assign(assigned)).isEqualTo(AutoAssignment.Outcome.TAKEN);
		assertThat(tickets.findById(assigned).orElseThrow().assigneeId()).isEqualTo("someone");
		assertThat(mongo.findById("support", Rotation.class)).as("no turn taken").isNull();
	}

	@Test
	void aTicketAnotherReplicaHasClaimedIsLeftToItUnlessTheClaimIsStale() {
		team("support", List.of(), agent("ann"));
		Instant now = clock.instant();
		String claimed = ticket(Category.QUALITY, Tier.NORMAL, null).id();
		mongo.insert(AssignmentPick.claim(claimed, "support", "replica-elsewhere", now.minusSeconds(5)));
		String abandoned = ticket(Category.QUALITY, Tier.NORMAL, null).id();
		mongo.insert(AssignmentPick.claim(abandoned, "support", "replica-that-died",
				now.minus(Duration.ofSeconds(AutoAssignment.STALE_CLAIM_SECONDS + 1))));

		assertThat(assignment.assign(claimed)).isEqualTo(AutoAssignment.Outcome.TAKEN);
		assertThat(tickets.findById(claimed).orElseThrow().assigneeId()).isNull();
		assertThat(assignment.assign(abandoned)).isEqualTo(AutoAssignment.Outcome.ASSIGNED);
		assertThat(tickets.findById(abandoned).orElseThrow().assigneeId()).isEqualTo("ann");
		assertThat(mongo.findById(abandoned, AssignmentPick.class).applied()).isTrue();
	}

	/**
	 * Two replicas with four threads each go over the same 40 tickets in their own orders: each ticket is
	 * assigned by exactly one write, the rotation advances once per ticket, and the four agents get ten each.
	 */
	@Test
	void twoReplicasAssigningTheSameTicketsAtOnceAssignEachOnceAndInTurn() throws Exception {
		team("support", List.of(), agent("ann"), agent("bo"), agent("cai"), agent("dan"));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ids.add(ticket(Category.QUALITY, Tier.NORMAL, null).id());
		}

		int assigned = race(ids);

		assertThat(assigned).isEqualTo(40);
		assertThat(tickets.findAll()).hasSize(40).allSatisfy(t -> {
			assertThat(t.assigneeId()).isNotNull();
			assertThat(t.version()).as("assigned by one write").isEqualTo(1L);
		});
		assertThat(perAgent()).containsOnly(Map.entry("ann", 10L), Map.entry("bo", 10L), Map.entry("cai", 10L),
				Map.entry("dan", 10L));
		assertThat(mongo.findById("support", Rotation.class).seq()).isEqualTo(40);
	}

	/** The same race at the agents' caps: nobody gets more than their cap, and the caps are filled in turn. */
	@Test
	void twoReplicasAtOnceNeverGiveAnAgentMoreThanTheirCap() throws Exception {
		team("support", List.of(), new TeamAgent("ann", "Ann", List.of(), List.of(), 4, true),
				new TeamAgent("bo", "Bo", List.of(), List.of(), 4, true),
				new TeamAgent("cai", "Cai", List.of(), List.of(), 4, true));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add(ticket(Category.QUALITY, Tier.NORMAL, null).id());
		}

		race(ids);
		// A ticket set aside in the race (everyone looked full for an instant) is taken by the next round.
		assignment.assignWaiting(100);

		assertThat(perAgent()).containsOnly(Map.entry("ann", 4L), Map.entry("bo", 4L), Map.entry("cai", 4L));
		assertThat(tickets.findAll()).filteredOn(t -> t.assigneeId() == null).hasSize(8);
		assertThat(tickets.findAll()).allSatisfy(t -> assertThat(t.version()).isLessThanOrEqualTo(1L));
	}

	private int race(List<String> ids) throws Exception {
		AutoAssignment one = new AutoAssignment(mongo, teams, customers, contacts, clock, "replica-1");
		AutoAssignment two = new AutoAssignment(mongo, teams, customers, contacts, clock, "replica-2");
		List<Callable<Integer>> workers = new ArrayList<>();
		for (int w = 0; w < 8; w++) {
			AutoAssignment replica = w % 2 == 0 ? one : two;
			List<String> order = new ArrayList<>(ids);
			Collections.shuffle(order, new Random(w));
			workers.add(() -> {
				int mine = 0;
				for (String id : order) {
					if (replica.assign(id) == AutoAssignment.Outcome.ASSIGNED) {
						mine++;
					}
				}
				return mine;
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(workers.size());
		try {
			int total = 0;
			for (Future<Integer> done : pool.invokeAll(workers)) {
				total += done.get();
			}
			return total;
		}
		finally {
			pool.shutdown();
		}
	}

	private Map<String, Long> perAgent() {
		return tickets.findAll().stream().filter(t -> t.assigneeId() != null)
			.collect(Collectors.groupingBy(Ticket::assigneeId, Collectors.counting()));
	}

	private void team(String id, List<Category> categories, TeamAgent... agents) {
		mongo.save(new SupportTeam(id, id, categories, List.of(agents), null, null));
	}

	private static TeamAgent agent(String name) {
		return new TeamAgent(name, name.toUpperCase(), List.of(), List.of(), 100, true);
	}

	private Ticket ticket(Category category, Tier tier, String assigneeId) {
		Instant opened = FixedClock.NOW.minusSeconds(600);
		TicketStatus status = assigneeId == null ? TicketStatus.NEW : TicketStatus.OPEN;
		return tickets.insert(new Ticket(UUID.randomUUID().toString(), "T-" + (2000 + numbers++), "acme-retail",
				"Chairs wobble", TicketKind.REQUEST, Priority.NORMAL, status, Channel.PORTAL, opened, ALICE,
				assigneeId, null, null, tier, false,
				SlaProperties.defaults().policyFor(tier).start(opened, BusinessCalendar.ROUND_THE_CLOCK, 25), null, null,
				List.of(), List.of(), new Classification(category, null, null, null), assigneeId, null, null, false, 0,
				List.of(), null, List.of()));
	}
}
