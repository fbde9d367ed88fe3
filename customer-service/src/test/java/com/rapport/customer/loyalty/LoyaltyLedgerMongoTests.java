package com.rapport.customer.loyalty;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.rapport.customer.CustomerServiceTest;
import com.rapport.customer.care.CareTaskKind;
import com.rapport.customer.care.CareTaskRepository;
import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationStatus;
import com.rapport.customer.organisation.Tier;
import com.rapport.customer.timeline.InteractionInput;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger on the embedded store (in memory), through the real services: deliveries earn once however often they
 * are told, a return takes back once, redemptions hold balance, stock and limits under racing threads, and old
 * points expire on their edges. The balance is always the sum of the entries.
 */
@CustomerServiceTest
class LoyaltyLedgerMongoTests {

	static final String ACME = "acme-retail";

	static final String GLOBEX = "globex-trading";

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	TimelineService timeline;

	@Autowired
	LedgerRepository entries;

	@Autowired
	RewardRepository rewards;

	@Autowired
	CareTaskRepository careTasks;

	@Autowired
	LoyaltyService loyalty;

	@Autowired
	Redemptions redemptions;

	@Autowired
	PointsExpiry expiry;

	@Autowired
	Ledger ledger;

	@Autowired
	org.springframework.data.mongodb.core.MongoTemplate mongo;

	final Caller orderTracking = caller(TestTokens.service());

	final Caller partner = caller(TestTokens.partner("customers.read customers.write"));

	final Caller acmeContact = caller(TestTokens.customer(ACME));

	final Caller globexContact = caller(TestTokens.customer(GLOBEX));

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	ExecutorService threads;

	static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		interactions.deleteAll();
		entries.deleteAll();
		rewards.deleteAll();
		careTasks.deleteAll();
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(), LoyaltyRules.class);
		organisation(ACME, Tier.VIP);
		organisation(GLOBEX, Tier.NORMAL);
		threads = Executors.newFixedThreadPool(8);
	}

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	private void organisation(String id, Tier tier) {
		organisations.save(Organisation.create(id, id, "Retail", "CN")
			.withProfile(new Organisation.Profile(id, "Retail", null, "CN", null, List.of(), "agent.li",
					OrganisationStatus.ACTIVE, null))
			.withTiering(tier, LifecycleStage.REPEAT, null, null));
	}

	/** order-tracking-service tells customer-service of a delivery; answers whether the timeline stored it. */
	private boolean deliver(String organisationId, String eventId, String orderNumber, Instant at, String minorUnits) {
		return timeline.record(orderTracking, new InteractionInput("order-tracking-service", eventId, organisationId,
				InteractionKind.ORDER_DELIVERED, at, "Order " + orderNumber + " delivered", "order:" + orderNumber,
				Map.of("order_number", orderNumber, "currency", "CNY", "amount_minor_units", minorUnits)));
	}

	private long balance(String organisationId) {
		return loyalty.account(partner, organisationId, 0, 1).balance();
	}

	/** The invariant the ledger keeps: the balance is the latest entry's, which is the sum of every entry. */
	private void assertBalanceIsTheSumOfEntries(String organisationId) {
		List<LedgerEntry> all = entries.findByOrganisationId(organisationId);
		long sum = all.stream().mapToLong(LedgerEntry::points).sum();
		assertThat(ledger.balance(organisationId)).isEqualTo(sum);
		assertThat(all.stream().map(LedgerEntry::seq).distinct().count()).as("one entry per place in the chain")
			.isEqualTo(all.size());
	}

	private Reward reward(String id, long cost, Long stock, int limit) {
		return rewards.insert(new Reward(id, RewardKind.FREE_SHIPPING, "Reward " + id, "奖励 " + id, null, null, cost,
				stock, limit, true, 1, now, now));
	}

	private void credit(String organisationId, long points) {
		loyalty.adjust(partner, organisationId, new LoyaltyService.Adjustment(points, "Opening balance", null), null);
	}

	@Test
	void aDeliveryToldTwiceOrReplayedUnderAnotherEventEarnsOnce() {
		// CNY 86,400.00 at VIP (1.5 × 0.01 a unit): 1,296 points.
		assertThat(deliver(ACME, "order-delivered:1", "ACME-1001", now.minus(Duration.ofDays(3)), "8640000")).isTrue();
		assertThat(deliver(ACME, "order-delivered:1", "ACME-1001", now.minus(Duration.ofDays(3)), "8640000"))
			.as("the same event again").isFalse();
		assertThat(deliver(ACME, "order-delivered:1-replayed", "ACME-1001", now.minus(Duration.ofDays(3)), "8640000"))
			.as("a replay under another event id is recorded on the timeline ...").isTrue();

		assertThat(balance(ACME)).as("... but earns nothing again").isEqualTo(1296);
		List<LedgerEntry> earned = entries.findByOrganisationId(ACME);
		assertThat(earned).singleElement().satisfies(entry -> {
			assertThat(entry.id()).isEqualTo("earn:acme-retail:ACME-1001");
			assertThat(entry.kind()).isEqualTo(LedgerEntryKind.EARNED);
			assertThat(entry.expiresAt()).isEqualTo(now.minus(Duration.ofDays(3)).atZone(java.time.ZoneOffset.UTC)
				.plusMonths(24).toInstant());
		});
		assertThat(interactions.findAll()).filteredOn(i -> "loyalty:earn:acme-retail:ACME-1001".equals(i.eventId()))
			.singleElement().satisfies(line -> {
				assertThat(line.kind()).isEqualTo(InteractionKind.CARE_EVENT);
				assertThat(line.summaryCode()).isEqualTo("timeline.loyalty.earned");
				assertThat(line.summaryArgs()).containsExactly("1296", "ACME-1001");
			});
	}

	@Test
	void deliveriesToldAtOnceByManyThreadsEarnOnceEach() throws Exception {
		List<Callable<Boolean>> tells = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			int order = i % 4;
			int copy = i;
			tells.add(() -> deliver(GLOBEX, "event-" + copy, "GLX-" + order, now, "1000000"));
		}
		for (Future<Boolean> told : threads.invokeAll(tells, 30, TimeUnit.SECONDS)) {
			told.get();
		}
		assertThat(entries.findByOrganisationId(GLOBEX)).hasSize(4);
		assertThat(balance(GLOBEX)).as("4 orders of CNY 10,000 at the normal tier").isEqualTo(400);
		assertBalanceIsTheSumOfEntries(GLOBEX);
	}

	@Test
	void anOrderWithoutValueEarnsNothingAndPostsNothing() {
		deliver(GLOBEX, "free", "GLX-FREE", now, "0");
		deliver(GLOBEX, "tiny", "GLX-TINY", now, "9999"); // CNY 99.99: 0.9999 points
		assertThat(entries.findByOrganisationId(GLOBEX)).isEmpty();
		assertThat(balance(GLOBEX)).isZero();
	}

	@Test
	void aReturnedOrderGivesBackWhatItEarnedOnceEvenIfThePointsWereSpent() {
		deliver(GLOBEX, "d1", "GLX-1", now.minus(Duration.ofDays(10)), "5000000"); // 500 points
		reward("shipping", 400, null, 0);
		redemptions.redeem(globexContact, GLOBEX, "shipping", "r-1");
		LoyaltyService.Adjustment ret = new LoyaltyService.Adjustment(null, "Returned: wrong colour", "GLX-1");

		Ledger.Posted first = loyalty.adjust(partner, GLOBEX, ret, null);
		Ledger.Posted again = loyalty.adjust(partner, GLOBEX, ret, null);

		assertThat(first.created()).isTrue();
		assertThat(first.entry().id()).isEqualTo("reverse:globex-trading:GLX-1");
		assertThat(first.entry().points()).isEqualTo(-500);
		assertThat(again.created()).as("a second return of the same order").isFalse();
		assertThat(balance(GLOBEX)).as("spent points taken back leave the balance below zero").isEqualTo(-400);
		assertBalanceIsTheSumOfEntries(GLOBEX);
		assertThatThrownBy(() -> loyalty.adjust(partner, GLOBEX,
				new LoyaltyService.Adjustment(null, "Returned", "GLX-NEVER"), null))
			.isInstanceOfSatisfying(ConflictException.class,
					ex -> assertThat(ex.reason().code()).isEqualTo("loyalty.return.not-earned"));
	}

	@Test
	void anAdjustmentWithAnIdempotencyKeyIsPostedOnceAndTheKeyRefusedForAnotherRequest() {
		LoyaltyService.Adjustment goodwill = new LoyaltyService.Adjustment(250L, "Goodwill", null);
		assertThat(loyalty.adjust(partner, ACME, goodwill, "crm-1").created()).isTrue();
		assertThat(loyalty.adjust(partner, ACME, goodwill, "crm-1").created()).isFalse();
		assertThat(balance(ACME)).isEqualTo(250);
		assertThatThrownBy(() -> loyalty.adjust(partner, ACME, new LoyaltyService.Adjustment(999L, "Goodwill", null),
				"crm-1")).isInstanceOfSatisfying(UnprocessableException.class,
						ex -> assertThat(ex.fieldMessages()).containsOnlyKeys("Idempotency-Key"));
		assertThatThrownBy(() -> loyalty.adjust(partner, ACME, new LoyaltyService.Adjustment(-251L, "Too much", null),
				"crm-2")).isInstanceOfSatisfying(ConflictException.class,
						ex -> assertThat(ex.reason().code()).isEqualTo("loyalty.adjustment.below-zero"));
		assertThatThrownBy(() -> loyalty.adjust(partner, ACME, new LoyaltyService.Adjustment(0L, " ", "ACME-1"), null))
			.isInstanceOfSatisfying(UnprocessableException.class,
					ex -> assertThat(ex.fieldMessages()).containsOnlyKeys("points", "reason"));
		assertThatThrownBy(() -> loyalty.adjust(acmeContact, ACME, goodwill, null))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void twoContactsRacingForTheLastRewardOneWinsTheOtherIsToldItIsGone() throws Exception {
		credit(ACME, 10_000);
		reward("last-training", 1_000, 1L, 0);
		CountDownLatch start = new CountDownLatch(1);
		Callable<String> redeem1 = race(start, "alice-request");
		Callable<String> redeem2 = race(start, "bo-request");
		Future<String> first = threads.submit(redeem1);
		Future<String> second = threads.submit(redeem2);
		start.countDown();

		List<String> outcomes = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
		assertThat(outcomes).containsExactlyInAnyOrder("redeemed", "loyalty.reward.out-of-stock");
		assertThat(rewards.findById("last-training").orElseThrow().stock()).isZero();
		assertThat(balance(ACME)).isEqualTo(9_000);
		assertThat(careTasks.findByOrganisationIdAndKindAndOpenTrue(ACME, CareTaskKind.LOYALTY_REDEMPTION))
			.singleElement().satisfies(task -> {
				assertThat(task.assignee()).isEqualTo("agent.li");
				assertThat(task.summary()).contains("Reward last-training", "1000 points");
			});
		assertBalanceIsTheSumOfEntries(ACME);
	}

	private Callable<String> race(CountDownLatch start, String requestId) {
		return () -> {
			start.await();
			try {
				redemptions.redeem(acmeContact, ACME, "last-training", requestId);
				return "redeemed";
			}
			catch (ConflictException ex) {
				return ex.reason().code();
			}
		};
	}

	@Test
	void manyRedemptionsRacingForOneBalanceNeverSpendMoreThanItHolds() throws Exception {
		credit(ACME, 3_500);
		reward("shipping", 1_000, 100L, 0);
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<String>> tries = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			int n = i;
			tries.add(() -> {
				start.await();
				try {
					redemptions.redeem(acmeContact, ACME, "shipping", "try-" + n);
					return "redeemed";
				}
				catch (ConflictException ex) {
					return ex.reason().code();
				}
			});
		}
		List<Future<String>> futures = tries.stream().map(threads::submit).toList();
		start.countDown();
		List<String> outcomes = new ArrayList<>();
		for (Future<String> future : futures) {
			outcomes.add(future.get(60, TimeUnit.SECONDS));
		}

		assertThat(outcomes).filteredOn("redeemed"::equals).hasSize(3);
		assertThat(outcomes).filteredOn("loyalty.balance.insufficient"::equals).hasSize(5);
		assertThat(balance(ACME)).isEqualTo(500);
		assertThat(rewards.findById("shipping").orElseThrow().stock()).as("the refused ones gave their stock back")
			.isEqualTo(97);
		assertBalanceIsTheSumOfEntries(ACME);
	}

	@Test
	void theLimitPerOrganisationHoldsAndARepeatedRequestIsTheSameRedemption() {
		credit(ACME, 10_000);
		credit(GLOBEX, 10_000);
		reward("support", 1_000, 10L, 1);

		Redemptions.Redemption first = redemptions.redeem(acmeContact, ACME, "support", "req-1");
		Redemptions.Redemption repeat = redemptions.redeem(acmeContact, ACME, "support", "req-1");
		assertThat(first.created()).isTrue();
		assertThat(repeat.created()).isFalse();
		assertThat(repeat.entry().id()).isEqualTo(first.entry().id());
		assertThatThrownBy(() -> redemptions.redeem(acmeContact, ACME, "support", "req-2"))
			.isInstanceOfSatisfying(ConflictException.class,
					ex -> assertThat(ex.reason().code()).isEqualTo("loyalty.reward.limit-reached"));
		assertThat(redemptions.redeem(globexContact, GLOBEX, "support", "req-1").created())
			.as("the limit is each organisation's").isTrue();
		assertThat(rewards.findById("support").orElseThrow().stock()).isEqualTo(8);
		assertThat(balance(ACME)).isEqualTo(9_000);
	}

	@Test
	void aContactRedeemsOnlyForItsOwnOrganisationAndStaffDoNotRedeem() {
		credit(ACME, 10_000);
		reward("support", 1_000, null, 0);
		assertThatThrownBy(() -> redemptions.redeem(globexContact, ACME, "support", "x"))
			.as("another organisation is answered like an unknown one").isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> redemptions.redeem(globexContact, "nobody", "support", "x"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> redemptions.redeem(caller(TestTokens.staff("manager")), ACME, "support", "x"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> redemptions.redeem(acmeContact, ACME, "no-such-reward", "x"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> loyalty.account(globexContact, ACME, 0, 10)).isInstanceOf(NotFoundException.class);
		assertThat(balance(ACME)).isEqualTo(10_000);
	}

	@Test
	void anInactiveRewardCannotBeRedeemed() {
		credit(ACME, 10_000);
		rewards.insert(new Reward("retired", RewardKind.TRAINING, "Retired", "停用", null, null, 10, null, 0, false, 1, now,
				now));
		assertThatThrownBy(() -> redemptions.redeem(acmeContact, ACME, "retired", "x"))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void pointsExpireExactlyAtTheirExpiryNotAMillisecondBefore() {
		Instant earnedAt = now.minus(Duration.ofDays(800));
		deliver(GLOBEX, "old", "GLX-OLD", earnedAt, "1000000"); // 100 points
		Instant expiresAt = entries.findById("earn:globex-trading:GLX-OLD").orElseThrow().expiresAt();

		assertThat(expiry.expire(GLOBEX, expiresAt.minusMillis(1))).isZero();
		assertThat(balance(GLOBEX)).isEqualTo(100);
		assertThat(expiry.expire(GLOBEX, expiresAt)).isEqualTo(100);
		assertThat(expiry.expire(GLOBEX, expiresAt.plusSeconds(60))).as("a second run").isZero();
		assertThat(balance(GLOBEX)).isZero();
		assertThat(entries.findByOrganisationId(GLOBEX)).filteredOn(e -> e.kind() == LedgerEntryKind.EXPIRED)
			.singleElement().satisfies(e -> assertThat(e.points()).isEqualTo(-100));
	}

	@Test
	void spentPointsAreTheOldestSoOnlyWhatIsLeftOfThemExpires() {
		deliver(GLOBEX, "old", "GLX-OLD", now.minus(Duration.ofDays(800)), "1000000"); // 100, expired
		deliver(GLOBEX, "new", "GLX-NEW", now.minus(Duration.ofDays(10)), "2000000"); // 200, not yet
		reward("shipping", 60, null, 0);
		redemptions.redeem(globexContact, GLOBEX, "shipping", "spend"); // spends 60 of the old 100

		assertThat(expiry.expire(GLOBEX, now)).isEqualTo(40);
		assertThat(balance(GLOBEX)).isEqualTo(200);
		assertBalanceIsTheSumOfEntries(GLOBEX);
	}

	@Test
	void aReturnedOrdersPointsDoNotExpireTwice() {
		deliver(GLOBEX, "old", "GLX-OLD", now.minus(Duration.ofDays(800)), "1000000"); // 100, expired
		deliver(GLOBEX, "old2", "GLX-OLD2", now.minus(Duration.ofDays(790)), "500000"); // 50, expired
		loyalty.adjust(partner, GLOBEX, new LoyaltyService.Adjustment(null, "Returned", "GLX-OLD"), null);

		assertThat(expiry.expire(GLOBEX, now)).isEqualTo(50);
		assertThat(balance(GLOBEX)).isZero();
	}

	@Test
	void aRunSettlesAtMostItsShareOfOrganisationsAndTheNextRunTheRest() {
		deliver(ACME, "a", "ACME-OLD", now.minus(Duration.ofDays(800)), "1000000"); // 150 at VIP
		deliver(GLOBEX, "g", "GLX-OLD", now.minus(Duration.ofDays(800)), "1000000"); // 100

		assertThat(expiry.run(1)).isEqualTo(1);
		assertThat(balance(ACME) + balance(GLOBEX)).as("one of the two settled").isIn(100L, 150L);
		assertThat(expiry.run(1)).isEqualTo(1);
		assertThat(balance(ACME) + balance(GLOBEX)).isZero();
		assertThat(expiry.run(10)).as("nothing left to settle").isZero();
	}

	@Test
	void theRulesAManagerSavesApplyToTheNextDeliveryAndAreAudited() {
		deliver(GLOBEX, "before", "GLX-1", now, "1000000");
		assertThat(balance(GLOBEX)).isEqualTo(100);
		LoyaltyRulesService rules = rulesService;
		rules.update(caller(TestTokens.staff("manager")), new LoyaltyRulesService.RulesInput("0.1", "2", "1.5", "1.1",
				12), 0L);
		deliver(GLOBEX, "after", "GLX-2", now, "1000000");
		assertThat(balance(GLOBEX)).as("100 + CNY 10,000 × 0.1 × 1.1").isEqualTo(1_200);
		assertThatThrownBy(() -> rules.update(caller(TestTokens.staff("manager")),
				new LoyaltyRulesService.RulesInput("0.2", "2", "1.5", "1.1", 12), 0L))
			.as("a save over an old version").isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> rules.update(caller(TestTokens.staff("agent")),
				new LoyaltyRulesService.RulesInput("0.2", "2", "1.5", "1.1", 12), 1L))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Autowired
	LoyaltyRulesService rulesService;
}
