package com.rapport.feedback.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.feedback.MongoAuditingConfiguration;
import com.rapport.feedback.response.Answers;
import com.rapport.feedback.response.ResponseService;
import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.feedback.segment.OrganisationSegments;
import com.rapport.feedback.segment.Segment;
import com.rapport.feedback.segment.SegmentDirectory;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.lease.MongoLease;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.Caller;
import com.rapport.support.test.FixedClock;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The roll-ups by segment (tier, industry, region of the organisation when it answered), kept by the recording with
 * the organisations' roll-ups, and the segment copy they come from: an answer stays in the tier it was given in,
 * an answer counted while customer-service was down moves to its segment once it is known (once), the answers stored
 * before are recounted once, and of two replicas only one refreshes. Same context as {@link RollupsTests}.
 */
@DataMongoTest
@Import(MongoAuditingConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class SegmentRollupsTests {

	static final Caller MANAGER = RollupsTests.MANAGER;

	static final Caller CONTACT = new Caller("alice", Set.of(Caller.CUSTOMER), Set.of(), Optional.of("acme"),
			"portal-web", "");

	static final Instant OCTOBER = RollupsTests.OCTOBER;

	static final Instant NOVEMBER = RollupsTests.NOVEMBER;

	static final Segment ACME_VIP = new Segment("TIER_VIP", "Retail", "East China");

	static final Segment GLOBEX = new Segment("NORMAL", "Wholesale", "");

	/** customer-service stood in for: its organisations' segments, up or down, counting what it is asked. */
	static final class StandInDirectory implements SegmentDirectory {

		final Map<String, Segment> organisations = new ConcurrentHashMap<>();

		volatile boolean down;

		final AtomicInteger pages = new AtomicInteger();

		final AtomicInteger lookups = new AtomicInteger();

		volatile CountDownLatch inPage;

		volatile CountDownLatch releasePage;

		@Override
		public Page page(String token) {
			pages.incrementAndGet();
			if (inPage != null) {
				inPage.countDown();
				await(releasePage);
			}
			if (down) {
				throw new RemoteUnavailableException("customer-service", new RuntimeException("down"));
			}
			// Two pages of one organisation at most, as customer-service's keyset pages.
			List<Organisation> all = organisations.entrySet().stream().sorted(Map.Entry.comparingByKey())
				.map(entry -> new Organisation(entry.getKey(), entry.getValue())).toList();
			int from = token.isEmpty() ? 0 : Integer.parseInt(token);
			int to = Math.min(all.size(), from + 1);
			return new Page(all.subList(from, to), to < all.size() ? String.valueOf(to) : "");
		}

		@Override
		public Optional<Segment> lookup(String organisationId) {
			lookups.incrementAndGet();
			if (down) {
				throw new RemoteUnavailableException("customer-segments", new RuntimeException("down"));
			}
			return Optional.ofNullable(organisations.get(organisationId));
		}

		private static void await(CountDownLatch latch) {
			try {
				latch.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Autowired
	SurveyResponseRepository responses;

	@Autowired
	MongoTemplate mongo;

	StandInDirectory customerService;

	OrganisationSegments segments;

	SegmentCounts counts;

	FeedbackFigures figures;

	ResponseService answers;

	@BeforeEach
	void emptyStore() {
		responses.deleteAll();
		mongo.dropCollection(Rollup.class);
		mongo.dropCollection(SegmentCounts.COLLECTION);
		mongo.dropCollection(SegmentCounts.PENDING_COUNTS);
		mongo.dropCollection(OrganisationSegments.COLLECTION);
		mongo.dropCollection(SegmentRefresh.STATE);
		mongo.dropCollection("leases");
		customerService = new StandInDirectory();
		customerService.organisations.put("acme", ACME_VIP);
		customerService.organisations.put("globex", GLOBEX);
		segments = new OrganisationSegments(mongo, customerService, FixedClock.CLOCK);
		counts = new SegmentCounts(mongo, segments);
		figures = new FeedbackFigures(mongo);
		answers = new ResponseService(responses, FixedClock.CLOCK, new Rollups(mongo, counts));
	}

	SegmentRefresh replica(String name) {
		return new SegmentRefresh(segments, counts, mongo, new MongoLease(mongo, FixedClock.CLOCK, name),
				FixedClock.CLOCK, Duration.ofHours(1));
	}

	FeedbackFigures.Figures byTier(String from, String to) {
		return figures.bySegment(MANAGER, from, to, new FeedbackFigures.SegmentFilter("", "", ""), "tier");
	}

	static long[] csat(FeedbackFigures.Period period) {
		return period.kinds().get(SurveyKind.CSAT).distribution();
	}

	@Test
	void withoutAnswersEveryMonthIsEmptyAndThereAreNoGroups() {
		FeedbackFigures.Figures none = byTier("2026-09", "2026-11");

		assertThat(none.months()).extracting(FeedbackFigures.Period::label).containsExactly("2026-09", "2026-10",
				"2026-11");
		assertThat(none.months()).allSatisfy(month -> assertThat(csat(month)).containsOnly(0));
		assertThat(csat(none.total())).containsOnly(0);
		assertThat(none.groups()).isEmpty();
	}

	@Test
	void anAnswerStaysInTheTierItsOrganisationHadWhenItAnswered() {
		answers.record(Answers.answer("a-1", "acme", "CSAT", 5, OCTOBER));
		customerService.organisations.put("acme", new Segment("KEY", "Retail", "East China"));
		assertThat(replica("replica-a").run().organisations()).isEqualTo(2);
		answers.record(Answers.answer("a-2", "acme", "CSAT", 1, NOVEMBER));
		answers.record(Answers.answer("g-1", "globex", "CSAT", 4, NOVEMBER));

		FeedbackFigures.Figures tiers = byTier("2026-10", "2026-11");
		assertThat(tiers.groups()).extracting(FeedbackFigures.Period::label).containsExactly("VIP", "KEY", "NORMAL");
		assertThat(csat(tiers.groups().get(0))).containsExactly(0, 0, 0, 0, 0, 1);
		assertThat(csat(tiers.groups().get(1))).containsExactly(0, 1, 0, 0, 0, 0);
		assertThat(csat(tiers.groups().get(2))).containsExactly(0, 0, 0, 0, 1, 0);
		assertThat(csat(tiers.total())).containsExactly(0, 1, 0, 0, 1, 1);

		FeedbackFigures.Figures vip = figures.bySegment(MANAGER, "2026-10", "2026-11",
				new FeedbackFigures.SegmentFilter("TIER_VIP", "", ""), "region");
		assertThat(csat(vip.total())).containsExactly(0, 0, 0, 0, 0, 1);
		assertThat(csat(vip.months().get(1))).containsOnly(0);
		assertThat(vip.groups()).extracting(FeedbackFigures.Period::label).containsExactly("East China");

		FeedbackFigures.Figures wholesale = figures.bySegment(MANAGER, "2026-10", "2026-11",
				new FeedbackFigures.SegmentFilter("", "Wholesale", ""), "region");
		assertThat(csat(wholesale.total())).containsExactly(0, 0, 0, 0, 1, 0);
		assertThat(wholesale.groups()).extracting(FeedbackFigures.Period::label).containsExactly("");
	}

	@Test
	void anAnswerCountedWhileCustomerServiceWasDownMovesToItsSegmentOnceItIsKnownAndOnlyOnce() {
		customerService.down = true;
		answers.record(Answers.answer("a-1", "acme", "CSAT", 2, NOVEMBER));
		answers.record(Answers.answer("a-1", "acme", "CSAT", 2, NOVEMBER));

		assertThat(responses.findById("a-1")).isPresent();
		FeedbackFigures.Figures whileDown = byTier("2026-11", "2026-11");
		assertThat(whileDown.groups()).extracting(FeedbackFigures.Period::label).containsExactly("UNKNOWN");
		assertThat(csat(whileDown.groups().get(0))).containsExactly(0, 0, 1, 0, 0, 0);
		assertThatThrownBy(() -> replica("replica-a").run()).isInstanceOf(RemoteUnavailableException.class);

		customerService.down = false;
		SegmentRefresh.Outcome back = replica("replica-a").run();

		assertThat(back.moved()).isEqualTo(1);
		FeedbackFigures.Figures known = byTier("2026-11", "2026-11");
		assertThat(known.groups()).extracting(FeedbackFigures.Period::label).containsExactly("VIP");
		assertThat(csat(known.groups().get(0))).containsExactly(0, 0, 1, 0, 0, 0);
		assertThat(csat(known.total())).containsExactly(0, 0, 1, 0, 0, 0);
		Document stored = mongo.findById("a-1", Document.class, SegmentCounts.ANSWERS);
		assertThat(stored.get("segment", Document.class)).isEqualTo(ACME_VIP.toDocument());
		assertThat(stored).doesNotContainKey("segmentPending");

		assertThat(counts.settle()).isZero();
		assertThat(csat(byTier("2026-11", "2026-11").total())).containsExactly(0, 0, 1, 0, 0, 0);
	}

	@Test
	void aSegmentKeptIsNotAskedAgainAndAnOrganisationCustomerServiceDoesNotKnowYetIsUnknownUntilARefreshLearnsIt() {
		answers.record(Answers.answer("a-1", "acme", "CSAT", 5, NOVEMBER));
		answers.record(Answers.answer("a-2", "acme", "CSAT", 4, NOVEMBER));
		answers.record(Answers.answer("x-1", "newco", "CSAT", 3, NOVEMBER));
		answers.record(Answers.answer("x-2", "newco", "CSAT", 3, NOVEMBER));

		assertThat(customerService.lookups).hasValue(2);
		FeedbackFigures.Figures tiers = byTier("2026-11", "2026-11");
		assertThat(tiers.groups()).extracting(FeedbackFigures.Period::label).containsExactly("VIP", "UNKNOWN");
		assertThat(replica("replica-a").run().moved()).as("not known to customer-service yet: nothing moves").isZero();
		assertThat(byTier("2026-11", "2026-11").groups()).extracting(FeedbackFigures.Period::label)
			.containsExactly("VIP", "UNKNOWN");

		// customer-service learns the organisation (it was loading its demo, or a partner's organisation arrived late)
		customerService.organisations.put("newco", GLOBEX);
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(), SegmentRefresh.STATE);
		SegmentRefresh.Outcome learnt = replica("replica-a").run();

		assertThat(learnt.moved()).isEqualTo(2);
		FeedbackFigures.Figures after = byTier("2026-11", "2026-11");
		assertThat(after.groups()).extracting(FeedbackFigures.Period::label).containsExactly("VIP", "NORMAL");
		assertThat(csat(after.groups().get(1))).containsExactly(0, 0, 0, 2, 0, 0);
		assertThat(csat(after.total())).containsExactly(0, 0, 0, 2, 1, 1);
		assertThat(customerService.lookups).hasValue(2);
	}

	@Test
	void invitationsCountedWhileCustomerServiceWasDownMoveToTheirSegmentOnceAndOnlyOnce() {
		Rollups rollups = new Rollups(mongo, counts);
		customerService.down = true;
		rollups.invitations("acme", "CSAT", NOVEMBER, 10, 4);
		rollups.invited("acme", "CSAT", NOVEMBER);
		assertThat(byTier("2026-11", "2026-11").groups()).extracting(FeedbackFigures.Period::label)
			.containsExactly("UNKNOWN");

		assertThat(counts.anyPending()).as("invitation counts waiting: the check takes the lease").isTrue();

		customerService.down = false;
		assertThat(replica("replica-a").run().moved()).isEqualTo(2);
		assertThat(counts.settle()).isZero();
		assertThat(counts.anyPending()).isFalse();

		FeedbackFigures.Figures tiers = byTier("2026-11", "2026-11");
		assertThat(tiers.groups()).extracting(FeedbackFigures.Period::label).containsExactly("VIP");
		FeedbackFigures.Totals vip = tiers.groups().get(0).kinds().get(SurveyKind.CSAT);
		assertThat(vip.invited()).isEqualTo(11);
		assertThat(vip.invitedAnswered()).isEqualTo(4);
		assertThat(tiers.total().kinds().get(SurveyKind.CSAT).invited()).isEqualTo(11);
	}

	@Test
	void answersStoredBeforeTheRollupsBySegmentAreRecountedOnce() {
		ResponseService before = new ResponseService(responses, FixedClock.CLOCK, new Rollups(mongo));
		before.record(Answers.answer("a-1", "acme", "NPS", 10, NOVEMBER));
		before.record(Answers.answer("g-1", "globex", "NPS", 0, NOVEMBER));
		answers.record(Answers.answer("a-2", "acme", "NPS", 9, NOVEMBER));

		SegmentRefresh.Outcome first = replica("replica-a").run();
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(), SegmentRefresh.STATE);
		SegmentRefresh.Outcome again = replica("replica-a").run();

		assertThat(first.recounted()).isEqualTo(2);
		assertThat(again.recounted()).isZero();
		FeedbackFigures.Figures tiers = byTier("2026-11", "2026-11");
		assertThat(tiers.groups()).extracting(FeedbackFigures.Period::label).containsExactly("VIP", "NORMAL");
		assertThat(tiers.groups().get(0).kinds().get(SurveyKind.NPS).distribution()[9]).isEqualTo(1);
		assertThat(tiers.groups().get(0).kinds().get(SurveyKind.NPS).distribution()[10]).isEqualTo(1);
		assertThat(tiers.groups().get(1).kinds().get(SurveyKind.NPS).distribution()[0]).isEqualTo(1);
	}

	@Test
	void withinTheIntervalACheckTakesTheLeaseOnlyWhenAnAnswerWaitsForItsSegment() {
		AtomicInteger leasesTaken = new AtomicInteger();
		SegmentRefresh counting = new SegmentRefresh(segments, counts, mongo,
				new MongoLease(mongo, FixedClock.CLOCK, "replica-a") {
					@Override
					public boolean runExclusively(String name, Duration hold, Runnable work) {
						leasesTaken.incrementAndGet();
						return super.runExclusively(name, hold, work);
					}
				}, FixedClock.CLOCK, Duration.ofHours(1));
		assertThat(counting.run().refreshed()).isTrue();

		SegmentRefresh.Outcome idle = counting.run();

		assertThat(idle.refreshed()).isFalse();
		assertThat(leasesTaken).hasValue(1);
		customerService.down = true;
		answers.record(Answers.answer("late-1", "newco", "CSAT", 4, NOVEMBER));
		customerService.organisations.put("newco", GLOBEX);
		customerService.down = false;
		assertThat(counting.run().moved()).isZero(); // the copy learns newco at the next full refresh only
		assertThat(leasesTaken).hasValue(2);
	}

	@Test
	void ofTwoReplicasOnlyOneRefreshes() throws Exception {
		customerService.inPage = new CountDownLatch(1);
		customerService.releasePage = new CountDownLatch(1);
		SegmentRefresh a = replica("replica-a");
		SegmentRefresh b = replica("replica-b");
		SegmentRefresh.Outcome[] ofA = new SegmentRefresh.Outcome[1];
		Thread first = new Thread(() -> ofA[0] = a.run());
		first.start();
		assertThat(customerService.inPage.await(10, TimeUnit.SECONDS)).isTrue();
		customerService.inPage = null;

		SegmentRefresh.Outcome ofBMeanwhile = b.run();
		customerService.releasePage.countDown();
		first.join(10_000);
		SegmentRefresh.Outcome ofBAfter = b.run();

		assertThat(ofA[0].refreshed()).isTrue();
		assertThat(ofA[0].organisations()).isEqualTo(2);
		assertThat(ofBMeanwhile.refreshed()).isFalse();
		assertThat(ofBAfter.refreshed()).isFalse();
		assertThat(customerService.pages).hasValue(2); // A's two pages, nobody else's
		assertThat(segments.kept("globex")).get().extracting(OrganisationSegments.Lookup::segment).isEqualTo(GLOBEX);
	}

	@Test
	void invitationsCountInTheSegmentToo() {
		Rollups rollups = new Rollups(mongo, counts);
		rollups.invited("acme", "CSAT", NOVEMBER);
		rollups.invited("acme", "CSAT", NOVEMBER);
		rollups.invitationAnswered("acme", "CSAT", NOVEMBER);

		FeedbackFigures.Totals vip = byTier("2026-11", "2026-11").groups().get(0).kinds().get(SurveyKind.CSAT);
		assertThat(vip.invited()).isEqualTo(2);
		assertThat(vip.invitedAnswered()).isEqualTo(1);
	}

	@Test
	void theSegmentRollupsOfTheContractsAnswersAreTheContractsDocuments() throws Exception {
		Document contract;
		try (var in = getClass().getResourceAsStream("/rollup/contract.json")) {
			contract = Document.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		}
		customerService.organisations.clear();
		contract.get("segments", Document.class).forEach((id, segment) -> customerService.organisations.put(id,
				Segment.of((Document) segment)));
		for (Document answer : contract.getList("answers", Document.class)) {
			answers.record(Answers.answer(answer.getString("id"), answer.getString("customerId"),
					answer.getString("kind"), answer.getInteger("score"), Instant.parse(answer.getString("answeredAt"))));
		}
		List<Document> stored = mongo.getCollection(SegmentCounts.COLLECTION).find().into(new java.util.ArrayList<>());
		assertThat(stored).containsExactlyInAnyOrderElementsOf(contract.getList("segmentRollups", Document.class));
	}

	@Test
	void onlyManagersAndAdminsReadBySegmentAndABreakdownMustBeOneOffered() {
		assertThatThrownBy(() -> figures.bySegment(CONTACT, "2026-11", "2026-11",
				new FeedbackFigures.SegmentFilter("", "", ""), "")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> figures.bySegment(MANAGER, "2026-11", "2026-11",
				new FeedbackFigures.SegmentFilter("", "", ""), "agent"))
			.isInstanceOfSatisfying(UnprocessableException.class,
					ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("breakdown"));
	}
}
