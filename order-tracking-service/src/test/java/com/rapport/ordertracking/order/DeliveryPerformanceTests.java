package com.rapport.ordertracking.order;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.rapport.support.error.UnprocessableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The delivery figures of an organisation's orders, plain: no store, no clock but the one passed. */
class DeliveryPerformanceTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** 2026-03-10, 12:00 in Shanghai. */
	static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");

	static final DeliveryPerformance.Window LAST_YEAR = DeliveryPerformance.Window.of(null, null, NOW);

	private static DeliveryPerformance figures(List<Order> orders) {
		return DeliveryPerformance.of("acme-retail", orders, LAST_YEAR, SHANGHAI, NOW);
	}

	private static Order delivered(String number, String promised, String deliveredAt) {
		Instant delivered = Instant.parse(deliveredAt);
		Instant placed = delivered.minus(Duration.ofDays(10));
		return order(number, placed, promised, new Milestone(MilestoneCode.PLACED, placed, null),
				new Milestone(MilestoneCode.DELIVERED, delivered, null));
	}

	private static Order inProgress(String number, String placedAt, String promised, MilestoneCode... reached) {
		Instant placed = Instant.parse(placedAt);
		List<Milestone> milestones = new ArrayList<>();
		for (int i = 0; i < reached.length; i++) {
			milestones.add(new Milestone(reached[i], placed.plus(Duration.ofHours(i)), null));
		}
		return order(number, placed, promised, milestones.toArray(Milestone[]::new));
	}

	private static Order order(String number, Instant placed, String promised, Milestone... milestones) {
		return new Order("id-" + number, "acme-retail", number, placed, promised == null ? null : LocalDate.parse(promised),
				null, List.of(), List.of(milestones), "partner-test", null, null, null);
	}

	@Test
	void withoutOrdersEveryCountIsZeroAndThereIsNoRate() {
		DeliveryPerformance figures = figures(List.of());

		assertThat(figures.delivered()).isZero();
		assertThat(figures.deliveredOnTime()).isZero();
		assertThat(figures.inProgress()).isZero();
		assertThat(figures.inProgressLate()).isZero();
		assertThat(figures.lateOrders()).isEmpty();
		assertThat(figures.onTimeRateBasisPoints()).isEmpty();
	}

	@Test
	void onlyUndeliveredOrdersGiveNoRateRatherThanAHundredPercent() {
		DeliveryPerformance figures = figures(List.of(inProgress("A-1", "2026-03-01T02:00:00Z", "2026-03-20",
				MilestoneCode.PLACED, MilestoneCode.CONFIRMED)));

		assertThat(figures.delivered()).isZero();
		assertThat(figures.inProgress()).isEqualTo(1);
		assertThat(figures.inProgressLate()).isZero();
		assertThat(figures.onTimeRateBasisPoints()).isEmpty();
	}

	@Test
	void aDeliveryOnThePromisedDateIsOnTime() {
		DeliveryPerformance figures = figures(List.of(delivered("A-1", "2026-03-05", "2026-03-05T15:59:59Z")));

		assertThat(figures.delivered()).isEqualTo(1);
		assertThat(figures.deliveredOnTime()).isEqualTo(1);
		assertThat(figures.onTimeRateBasisPoints()).hasValue(10_000);
	}

	@Test
	void aDeliveryOneDayAfterThePromisedDateIsLate() {
		DeliveryPerformance figures = figures(List.of(delivered("A-1", "2026-03-05", "2026-03-06T01:00:00Z")));

		assertThat(figures.delivered()).isEqualTo(1);
		assertThat(figures.deliveredWithPromisedDate()).isEqualTo(1);
		assertThat(figures.deliveredOnTime()).isZero();
		assertThat(figures.onTimeRateBasisPoints()).hasValue(0);
	}

	@Test
	void aDeliveryIsJudgedByItsDateInTheBusinessTimeZoneNotInUtc() {
		// 17:00 UTC on 1 March is 01:00 on 2 March in Shanghai: a day after a promise for 1 March.
		List<Order> orders = List.of(delivered("A-1", "2026-03-01", "2026-03-01T17:00:00Z"),
				delivered("A-2", "2026-03-02", "2026-03-01T17:00:00Z"));

		DeliveryPerformance inShanghai = figures(orders);
		DeliveryPerformance inUtc = DeliveryPerformance.of("acme-retail", orders, LAST_YEAR, ZoneOffset.UTC, NOW);

		assertThat(inShanghai.deliveredOnTime()).isEqualTo(1);
		assertThat(inShanghai.onTimeRateBasisPoints()).hasValue(5_000);
		assertThat(inUtc.deliveredOnTime()).isEqualTo(2);
	}

	@Test
	void anOrderWithoutAPromisedDateCountsAsDeliveredOrInProgressButNeverAsOnTimeOrLate() {
		DeliveryPerformance figures = figures(List.of(delivered("A-1", null, "2026-03-02T02:00:00Z"),
				inProgress("A-2", "2025-01-01T02:00:00Z", null, MilestoneCode.PLACED)));

		assertThat(figures.delivered()).isEqualTo(1);
		assertThat(figures.deliveredWithPromisedDate()).isZero();
		assertThat(figures.onTimeRateBasisPoints()).isEmpty();
		assertThat(figures.inProgress()).isEqualTo(1);
		assertThat(figures.inProgressLate()).isZero();
	}

	@Test
	void thereIsNoCancelledOrderSoAnOrderIsInProgressUntilDeliveredEvenAfterAnException() {
		Order stuck = inProgress("A-1", "2026-02-01T02:00:00Z", "2026-02-20", MilestoneCode.PLACED,
				MilestoneCode.SHIPPED, MilestoneCode.EXCEPTION);

		DeliveryPerformance figures = figures(List.of(stuck));

		assertThat(figures.inProgress()).isEqualTo(1);
		assertThat(figures.lateOrders()).singleElement()
			.satisfies(late -> assertThat(late.status()).isEqualTo(MilestoneCode.EXCEPTION));
	}

	@Test
	void anOrderDeliveredAndThenHitByAnExceptionCountsAsDeliveredWhenFirstDelivered() {
		Instant placed = Instant.parse("2026-02-20T02:00:00Z");
		Order damaged = order("A-1", placed, "2026-03-01", new Milestone(MilestoneCode.PLACED, placed, null),
				new Milestone(MilestoneCode.DELIVERED, Instant.parse("2026-02-28T02:00:00Z"), null),
				new Milestone(MilestoneCode.EXCEPTION, Instant.parse("2026-03-03T02:00:00Z"), "damaged"),
				new Milestone(MilestoneCode.DELIVERED, Instant.parse("2026-03-06T02:00:00Z"), "replacement"));

		DeliveryPerformance figures = figures(List.of(damaged));

		assertThat(figures.inProgress()).isZero();
		assertThat(figures.deliveredOnTime()).isEqualTo(1);
	}

	@Test
	void aDeliveryAtTheWindowsStartCountsAndOneAtItsEndDoesNot() {
		DeliveryPerformance.Window window = new DeliveryPerformance.Window(Instant.parse("2026-01-01T00:00:00Z"),
				Instant.parse("2026-02-01T00:00:00Z"));
		List<Order> orders = List.of(delivered("BEFORE", "2026-12-31", "2025-12-31T23:59:59Z"),
				delivered("START", "2026-12-31", "2026-01-01T00:00:00Z"),
				delivered("LAST", "2026-12-31", "2026-01-31T23:59:59Z"),
				delivered("END", "2026-12-31", "2026-02-01T00:00:00Z"));

		DeliveryPerformance figures = DeliveryPerformance.of("acme-retail", orders, window, SHANGHAI, NOW);

		assertThat(figures.delivered()).isEqualTo(2);
	}

	@Test
	void theWindowIsTheYearBeforeNowUnlessAsked() {
		assertThat(LAST_YEAR.before()).isEqualTo(NOW);
		assertThat(LAST_YEAR.from()).isEqualTo(NOW.minus(Duration.ofDays(365)));
		Instant end = Instant.parse("2026-01-01T00:00:00Z");
		assertThat(DeliveryPerformance.Window.of(null, end, NOW).from()).isEqualTo(end.minus(Duration.ofDays(365)));
	}

	@Test
	void aWindowThatDoesNotEndAfterItStartsIsRefused() {
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> DeliveryPerformance.Window.of(NOW, NOW, NOW));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> DeliveryPerformance.Window.of(NOW.plusSeconds(1), null, NOW));
	}

	@Test
	void anOrderInProgressIsLateFromTheDayAfterItsPromisedDateInTheBusinessTimeZone() {
		List<Order> orders = List.of(inProgress("DUE-TODAY", "2026-03-01T02:00:00Z", "2026-03-10", MilestoneCode.PLACED),
				inProgress("ONE-DAY", "2026-03-01T03:00:00Z", "2026-03-09", MilestoneCode.PLACED));
		// 16:30 UTC on 9 March is already 10 March in Shanghai.
		Instant evening = Instant.parse("2026-03-09T16:30:00Z");

		DeliveryPerformance figures = DeliveryPerformance.of("acme-retail", orders, LAST_YEAR, SHANGHAI, evening);

		assertThat(figures.today()).isEqualTo(LocalDate.parse("2026-03-10"));
		assertThat(figures.inProgress()).isEqualTo(2);
		assertThat(figures.inProgressLate()).isEqualTo(1);
		assertThat(figures.lateOrders()).singleElement().satisfies(late -> {
			assertThat(late.orderNumber()).isEqualTo("ONE-DAY");
			assertThat(late.daysLate()).isEqualTo(1);
			assertThat(late.promisedDate()).isEqualTo(LocalDate.parse("2026-03-09"));
			assertThat(late.status()).isEqualTo(MilestoneCode.PLACED);
		});
	}

	@Test
	void lateOrdersComeNewestFirstAtMostTwentyWhileTheCountSaysHowManyInAll() {
		List<Order> orders = IntStream.rangeClosed(1, 25)
			.mapToObj(day -> inProgress("LATE-%02d".formatted(day), "2026-01-%02dT02:00:00Z".formatted(day),
					"2026-02-01", MilestoneCode.PLACED, MilestoneCode.CONFIRMED))
			.toList();

		DeliveryPerformance figures = figures(orders);

		assertThat(figures.inProgressLate()).isEqualTo(25);
		assertThat(figures.lateOrders()).hasSize(DeliveryPerformance.MAX_LATE_ORDERS);
		assertThat(figures.lateOrders().get(0).orderNumber()).isEqualTo("LATE-25");
		assertThat(figures.lateOrders().get(19).orderNumber()).isEqualTo("LATE-06");
		assertThat(figures.lateOrders().get(0).daysLate()).isEqualTo(37);
	}

	@Test
	void theRateIsRoundedDownSoOnlyEveryDeliveryOnTimeMakesAHundredPercent() {
		List<Order> twoOfThree = List.of(delivered("A-1", "2026-03-05", "2026-03-01T02:00:00Z"),
				delivered("A-2", "2026-03-05", "2026-03-02T02:00:00Z"),
				delivered("A-3", "2026-03-05", "2026-03-07T02:00:00Z"));

		assertThat(figures(twoOfThree).onTimeRateBasisPoints()).hasValue(6_666);
		assertThat(figures(twoOfThree.subList(0, 2)).onTimeRateBasisPoints()).hasValue(10_000);
	}
}
