package com.rapport.ordertracking.order;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.rapport.ordertracking.MongoAuditingConfiguration;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;

/** Orders kept current, with the real store (embedded); only customer-service is stood in for. */
@DataMongoTest
@Import({ OrderProgressService.class, OrderWrites.class, OrderChangeSignal.class, UnsyncedOrderUpdates.class, MongoAuditingConfiguration.class, FixedClock.class,
		OrderProgressServiceTests.Settings.class })
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true", "rapport.orders.no-progress.SHIPPED=P10D" })
class OrderProgressServiceTests {

	static final Instant NOW = FixedClock.NOW;

	@TestConfiguration
	@EnableConfigurationProperties({ OrderProgressProperties.class, DeliveryPerformanceProperties.class })
	static class Settings {
	}

	@Autowired
	OrderProgressService progress;

	@Autowired
	OrderRepository orders;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	OrderProgressProperties properties;

	@Autowired
	DeliveryPerformanceProperties business;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() {
		orders.deleteAll();
		given(customers.exists("acme-retail")).willReturn(true);
	}

	/** PO-1 of acme-retail: placed and confirmed, promised for 10 December. */
	private Order placed(String number) {
		return orders.insert(new Order(null, "acme-retail", number, NOW.minusSeconds(86_400), LocalDate.parse("2026-12-10"),
				null, List.of(new OrderLine("CHAIR", "Chair", 3)),
				List.of(new Milestone(MilestoneCode.PLACED, NOW.minusSeconds(86_400), null),
						new Milestone(MilestoneCode.CONFIRMED, NOW.minusSeconds(80_000), null)),
				"partner", null, null, null));
	}

	private static Milestone event(String id, MilestoneCode code, Instant at) {
		return new Milestone(code, at, null, id, null, null, null, null, false, null);
	}

	private Order stored(String number) {
		return orders.findByCustomerIdAndOrderNumber("acme-retail", number).orElseThrow();
	}

	@Test
	void eventsArrivingOutOfOrderAreKeptInEventTimeOrder() {
		placed("PO-1");
		progress.appendMilestone("acme-retail", "PO-1", event("e-ship", MilestoneCode.SHIPPED, NOW.minusSeconds(600)));
		progress.appendMilestone("acme-retail", "PO-1", event("e-pack", MilestoneCode.PACKED, NOW.minusSeconds(3600)));

		Order order = stored("PO-1");
		assertThat(order.milestones()).extracting(Milestone::code).containsExactly(MilestoneCode.PLACED,
				MilestoneCode.CONFIRMED, MilestoneCode.PACKED, MilestoneCode.SHIPPED);
		assertThat(order.milestones()).noneMatch(Milestone::backwards);
		assertThat(order.status()).isEqualTo(MilestoneCode.SHIPPED);
		assertThat(order.milestones().get(2).receivedAt()).isEqualTo(NOW);
	}

	@Test
	void anEventSentTwiceIsKeptOnceAndToldOnce() {
		placed("PO-1");
		Milestone shipped = new Milestone(MilestoneCode.SHIPPED, NOW.minusSeconds(600), null, "e-1", "Shenzhen",
				"SF Express", "SF123", "https://sf.example/SF123", false, null);
		assertThat(progress.appendMilestone("acme-retail", "PO-1", shipped).changed()).isTrue();
		var again = progress.appendMilestone("acme-retail", "PO-1", shipped);

		assertThat(again.changed()).isFalse();
		Order order = stored("PO-1");
		assertThat(order.milestones()).filteredOn(m -> "e-1".equals(m.eventId())).singleElement()
			.satisfies(m -> assertThat(m.trackingLink()).isEqualTo("https://sf.example/SF123"));
		assertThat(order.notices()).singleElement().satisfies(notice -> {
			assertThat(notice.kind()).isEqualTo(OrderEvent.Kind.MILESTONE_REACHED);
			assertThat(notice.facts()).containsEntry("tracking_number", "SF123").containsEntry("place", "Shenzhen");
		});
	}

	@Test
	void aMilestoneThatGoesBackwardsIsKeptFlaggedAndNotTold() {
		placed("PO-1");
		progress.appendMilestone("acme-retail", "PO-1", event("e-ship", MilestoneCode.SHIPPED, NOW.minusSeconds(3600)));
		progress.appendMilestone("acme-retail", "PO-1", event("e-prod", MilestoneCode.IN_PRODUCTION, NOW.minusSeconds(60)));

		Order order = stored("PO-1");
		assertThat(order.milestones()).filteredOn(Milestone::backwards).extracting(Milestone::eventId)
			.containsExactly("e-prod");
		assertThat(order.status()).isEqualTo(MilestoneCode.SHIPPED);
		assertThat(order.notices()).extracting(OrderEvent::eventId).containsExactly("milestone:" + order.id() + ":e-ship");
	}

	@Test
	void anExceptionIsNeverBackwards() {
		placed("PO-1");
		progress.appendMilestone("acme-retail", "PO-1", event("e-ship", MilestoneCode.SHIPPED, NOW.minusSeconds(3600)));
		progress.appendMilestone("acme-retail", "PO-1", event("e-x", MilestoneCode.EXCEPTION, NOW.minusSeconds(60)));
		assertThat(stored("PO-1").milestones()).noneMatch(Milestone::backwards);
		assertThat(stored("PO-1").status()).isEqualTo(MilestoneCode.EXCEPTION);
	}

	@Test
	void anUnknownOrderOrOrganisationIsNamedAndNothingIsStored() {
		placed("PO-1");
		given(customers.exists("nobody")).willReturn(false);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> progress.appendMilestone("acme-retail",
				"PO-404", event("e", MilestoneCode.SHIPPED, NOW)))
			.satisfies(ex -> assertThat(ex.reason().code()).isEqualTo("orders.number-not-found"));
		assertThatExceptionOfType(UnprocessableException.class).isThrownBy(() -> progress.appendMilestone("nobody",
				"PO-1", event("e", MilestoneCode.SHIPPED, NOW)))
			.satisfies(ex -> assertThat(ex.fieldMessages()).containsKey("customerId"));
		assertThat(stored("PO-1").milestones()).hasSize(2);
	}

	@Test
	void aTimeFarInTheFutureIsRefusedAndNothingIsStored() {
		placed("PO-1");
		assertThatExceptionOfType(UnprocessableException.class).isThrownBy(() -> progress.appendMilestone("acme-retail",
				"PO-1", event("e", MilestoneCode.SHIPPED, NOW.plus(properties.maxFutureSkew()).plusSeconds(1))))
			.satisfies(ex -> assertThat(ex.fieldMessages()).containsKey("occurredAt"));
		progress.appendMilestone("acme-retail", "PO-1", event("e2", MilestoneCode.SHIPPED, NOW.plusSeconds(60)));
		assertThat(stored("PO-1").milestones()).extracting(Milestone::eventId).containsExactly(null, null, "e2");
	}

	@Test
	void concurrentWritersOfOneOrderLoseNothingAndKeepARepeatOnce() throws Exception {
		placed("PO-1");
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<Object>> writes = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String id = "e-" + i;
				writes.add(() -> progress.appendMilestone("acme-retail", "PO-1",
						event(id, MilestoneCode.IN_PRODUCTION, NOW.minusSeconds(1000 - i(id)))));
				writes.add(() -> progress.appendMilestone("acme-retail", "PO-1",
						event("same", MilestoneCode.PACKED, NOW.minusSeconds(10))));
			}
			for (Future<Object> write : pool.invokeAll(writes)) {
				write.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		Order order = stored("PO-1");
		assertThat(order.milestones()).hasSize(2 + 8 + 1);
		assertThat(order.notices()).hasSize(9);
	}

	private static int i(String id) {
		return Integer.parseInt(id.substring(2));
	}

	@Test
	void anEtaPastThePromiseIsAtRiskUntilItMovesBack() {
		placed("PO-1");
		Order late = progress.change("acme-retail", "PO-1", new OrderChange(LocalDate.parse("2026-12-14"), null, null, null))
			.order();
		assertThat(late.atRisk()).isTrue();
		assertThat(late.delay().cause()).isEqualTo(Delay.Cause.ETA_PAST_PROMISE);
		assertThat(late.outbox()).extracting(OrderEvent::kind).containsExactly(OrderEvent.Kind.ORDER_AT_RISK);

		Order back = progress.change("acme-retail", "PO-1", new OrderChange(LocalDate.parse("2026-12-09"), null, null, null))
			.order();
		assertThat(back.atRisk()).isFalse();
		assertThat(back.delay()).isNull();
	}

	@Test
	void aNewPromisedDateNeedsItsReasonAndIsTold() {
		placed("PO-1");
		assertThatExceptionOfType(UnprocessableException.class).isThrownBy(() -> progress.change("acme-retail", "PO-1",
				new OrderChange(null, LocalDate.parse("2026-12-20"), " ", null)));
		Order moved = progress.change("acme-retail", "PO-1",
				new OrderChange(null, LocalDate.parse("2026-12-20"), "Fabric late from the mill", null)).order();
		assertThat(moved.promisedDate()).isEqualTo(LocalDate.parse("2026-12-20"));
		assertThat(moved.notices()).singleElement().satisfies(n -> assertThat(n.facts())
			.containsEntry("reason", "Fabric late from the mill").containsEntry("previous_promised_date", "2026-12-10"));
	}

	@Test
	void aNewEtaIsOneEventForTheContactsWebhooksAndLiveFeedAndTheSameEtaAgainIsNone() {
		placed("PO-1");
		Order moved = progress.change("acme-retail", "PO-1", new OrderChange(LocalDate.parse("2026-12-08"), null, null, null))
			.order();

		assertThat(moved.notices()).singleElement().satisfies(event -> {
			assertThat(event.kind()).isEqualTo(OrderEvent.Kind.ETA_CHANGED);
			assertThat(event.facts()).containsEntry("eta", "2026-12-08").containsEntry("previous_eta", "")
				.containsEntry("promised_date", "2026-12-10");
		});
		assertThat(moved.hooks()).extracting(OrderEvent::kind).containsExactly(OrderEvent.Kind.ETA_CHANGED);
		assertThat(moved.live()).extracting(OrderEvent::kind).containsExactly(OrderEvent.Kind.ETA_CHANGED);
		assertThat(moved.outbox()).isEmpty();

		var again = progress.change("acme-retail", "PO-1", new OrderChange(LocalDate.parse("2026-12-08"), null, null, null));
		assertThat(again.changed()).isFalse();
		assertThat(stored("PO-1").notices()).hasSize(1);
		assertThat(stored("PO-1").live()).hasSize(1);
	}

	@Test
	void anEtaMovedWithThePromiseIsToldTheContactsOnceWithThePromise() {
		placed("PO-1");
		Order moved = progress.change("acme-retail", "PO-1", new OrderChange(LocalDate.parse("2026-12-18"),
				LocalDate.parse("2026-12-20"), "Fabric late from the mill", null)).order();

		assertThat(moved.notices()).singleElement().satisfies(event -> {
			assertThat(event.kind()).isEqualTo(OrderEvent.Kind.PROMISE_CHANGED);
			assertThat(event.facts()).containsEntry("eta", "2026-12-18");
		});
		assertThat(moved.hooks()).extracting(OrderEvent::kind).containsExactly(OrderEvent.Kind.PROMISE_CHANGED,
				OrderEvent.Kind.ETA_CHANGED);
	}

	@Test
	void newLinesAreAnEventForWebhooksAndTheLiveFeedButNoMail() {
		placed("PO-1");
		Order changed = progress.change("acme-retail", "PO-1", new OrderChange(null, null, null,
				List.of(new OrderLine("CHAIR", "Chair", 2), new OrderLine("DESK", "Desk", 1)))).order();

		assertThat(changed.notices()).isEmpty();
		assertThat(changed.hooks()).singleElement().satisfies(event -> {
			assertThat(event.kind()).isEqualTo(OrderEvent.Kind.LINES_CHANGED);
			assertThat(event.facts()).containsEntry("line_count", "2").containsEntry("skus", "CHAIR, DESK");
		});
		assertThat(changed.live()).extracting(OrderEvent::kind).containsExactly(OrderEvent.Kind.LINES_CHANGED);
	}

	@Test
	void aRecordedDelayKeepsTheOrderAtRiskWithItsReasonAndRemedyAndIsToldToTimelineAndContacts() {
		Order order = placed("PO-1");
		Caller staff = caller(TestTokens.staff("agent"));
		Order delayed = progress.reportDelay(staff, order.id(), new DelayReport("Paint line down",
				Delay.Remedy.EXPEDITED_SHIPPING, "Air freight at our cost", LocalDate.parse("2026-12-12"))).order();

		assertThat(delayed.atRisk()).isTrue();
		assertThat(delayed.eta()).isEqualTo(LocalDate.parse("2026-12-12"));
		assertThat(delayed.promisedDate()).isEqualTo(LocalDate.parse("2026-12-10"));
		assertThat(delayed.delay()).satisfies(delay -> {
			assertThat(delay.reason()).isEqualTo("Paint line down");
			assertThat(delay.remedy()).isEqualTo(Delay.Remedy.EXPEDITED_SHIPPING);
			assertThat(delay.recordedBy()).isEqualTo(staff.name());
			assertThat(delay.cause()).isEqualTo(Delay.Cause.REPORTED);
		});
		assertThat(delayed.outbox()).extracting(OrderEvent::kind).containsExactly(OrderEvent.Kind.ORDER_DELAYED);
		assertThat(delayed.notices()).extracting(OrderEvent::kind).containsExactly(OrderEvent.Kind.ORDER_DELAYED);
		assertThat(OrderOutbox.summaryArgs(delayed.outbox().get(0)))
			.containsExactly("PO-1", "Paint line down", "EXPEDITED_SHIPPING");

		// An explained delay stays, even when the ETA it came from moves back.
		Order still = progress.change("acme-retail", "PO-1", new OrderChange(LocalDate.parse("2026-12-09"), null, null, null))
			.order();
		assertThat(still.atRisk()).isTrue();
	}

	@Test
	void aCancelledOrderIsClosedCountsNowhereAndRefusesChanges() {
		placed("PO-1");
		Order cancelled = progress.cancel("acme-retail", "PO-1", "Customer withdrew").order();
		assertThat(cancelled.cancelled()).isTrue();
		assertThat(cancelled.open()).isFalse();
		assertThat(cancelled.outbox()).extracting(OrderEvent::kind).containsExactly(OrderEvent.Kind.ORDER_CANCELLED);
		assertThat(progress.cancel("acme-retail", "PO-1", "again").changed()).isFalse();
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> progress.change("acme-retail", "PO-1",
				new OrderChange(LocalDate.parse("2026-12-09"), null, null, null)));

		var figures = DeliveryPerformance.of("acme-retail", List.of(stored("PO-1")),
				DeliveryPerformance.Window.of(null, null, NOW.plusSeconds(86_400 * 20)), ZoneId.of("Asia/Shanghai"),
				NOW.plusSeconds(86_400 * 20));
		assertThat(figures.inProgress()).isZero();
		assertThat(figures.inProgressLate()).isZero();
	}

	@Test
	void aDeliveryIsToldToTheTimelineAndClosesTheOrder() {
		placed("PO-1");
		Order delivered = progress.appendMilestone("acme-retail", "PO-1",
				event("e-d", MilestoneCode.DELIVERED, NOW.minusSeconds(60))).order();
		assertThat(delivered.open()).isFalse();
		assertThat(delivered.outbox()).extracting(OrderEvent::kind).containsExactly(OrderEvent.Kind.ORDER_DELIVERED);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> progress.cancel("acme-retail", "PO-1", "too late"));
	}

	@Test
	void theDetectorMarksQuietOrdersAndPromisesGoneByOnce() {
		orders.insert(new Order(null, "acme-retail", "PO-QUIET", NOW.minusSeconds(7 * 86_400), LocalDate.parse("2026-12-10"),
				null, List.of(), List.of(new Milestone(MilestoneCode.CONFIRMED, NOW.minusSeconds(6 * 86_400), null)),
				"partner", null, null, null));
		orders.insert(new Order(null, "acme-retail", "PO-PROMISED", NOW.minusSeconds(86_400), LocalDate.parse("2026-11-28"),
				null, List.of(), List.of(new Milestone(MilestoneCode.CONFIRMED, NOW.minusSeconds(3600), null)), "partner",
				null, null, null));
		placed("PO-FINE");
		progress.appendMilestone("acme-retail", "PO-FINE", event("s", MilestoneCode.SHIPPED, NOW.minusSeconds(6 * 86_400)));
		DelayDetector detector = new DelayDetector(mongo, progress, properties, business, FixedClock.CLOCK, "test");

		assertThat(detector.detect()).isEqualTo(2);
		assertThat(stored("PO-QUIET").delay().cause()).isEqualTo(Delay.Cause.NO_PROGRESS);
		assertThat(stored("PO-PROMISED").delay().cause()).isEqualTo(Delay.Cause.PROMISE_PASSED);
		assertThat(stored("PO-FINE").atRisk()).as("shipped 6 days ago; a shipment may take 10").isFalse();
		assertThat(detector.detect()).isZero();
		assertThat(stored("PO-QUIET").outbox()).extracting(OrderEvent::kind).containsExactly(OrderEvent.Kind.ORDER_AT_RISK);
	}

	private static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}
}
