package com.rapport.ordertracking.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The on-time share on its edges (plain unit tests). */
class DeliveryMonthsTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final List<YearMonth> MARCH_APRIL = List.of(YearMonth.of(2026, 3), YearMonth.of(2026, 4));

	private static DeliveryMonths.Delivery delivered(String customer, String at, String promised) {
		return new DeliveryMonths.Delivery(customer, Instant.parse(at), promised == null ? null : LocalDate.parse(promised));
	}

	@Test
	void withoutDeliveriesThereIsNoShareNotAHundredPercent() {
		DeliveryMonths.Figures figures = DeliveryMonths.of(List.of(), MARCH_APRIL, SHANGHAI, List.of());

		assertThat(figures.months()).extracting(DeliveryMonths.Counts::label).containsExactly("2026-03", "2026-04");
		assertThat(figures.total().delivered()).isZero();
		assertThat(figures.total().onTimeShareBp()).isEmpty();
	}

	@Test
	void onThePromisedDayInTheBusinessTimeZoneIsOnTimeAndTheNextDayIsLate() {
		// 23:59:59 on 5 March in Shanghai; then 00:00:00 on 6 March.
		DeliveryMonths.Figures figures = DeliveryMonths.of(List.of(
				delivered("acme", "2026-03-05T15:59:59Z", "2026-03-05"),
				delivered("acme", "2026-03-05T16:00:00Z", "2026-03-05")), MARCH_APRIL, SHANGHAI, List.of());

		assertThat(figures.months().get(0).onTime()).isEqualTo(1);
		assertThat(figures.months().get(0).onTimeShareBp()).hasValue(5000);
	}

	@Test
	void aDeliveryCountsInItsMonthOfTheBusinessTimeZone() {
		// 31 March 16:30 UTC is 1 April in Shanghai.
		DeliveryMonths.Figures figures = DeliveryMonths.of(List.of(delivered("acme", "2026-03-31T16:30:00Z", "2026-04-02"),
				delivered("acme", "2026-02-28T15:00:00Z", "2026-03-01")), MARCH_APRIL, SHANGHAI, List.of());

		assertThat(figures.months().get(0).delivered()).isZero();
		assertThat(figures.months().get(1).delivered()).isEqualTo(1);
		assertThat(figures.total().delivered()).isEqualTo(1);
	}

	@Test
	void allLateIsZeroAndTheShareIsRoundedDownOfThoseWithAPromisedDate() {
		DeliveryMonths.Figures late = DeliveryMonths.of(List.of(delivered("acme", "2026-03-10T02:00:00Z", "2026-03-01")),
				MARCH_APRIL, SHANGHAI, List.of());
		assertThat(late.total().onTimeShareBp()).hasValue(0);

		DeliveryMonths.Figures twoOfThree = DeliveryMonths.of(List.of(
				delivered("acme", "2026-03-01T02:00:00Z", "2026-03-02"), delivered("acme", "2026-03-02T02:00:00Z", "2026-03-02"),
				delivered("acme", "2026-03-09T02:00:00Z", "2026-03-02"), delivered("acme", "2026-03-09T02:00:00Z", null)),
				MARCH_APRIL, SHANGHAI, List.of());
		assertThat(twoOfThree.total().delivered()).isEqualTo(4);
		assertThat(twoOfThree.total().withPromisedDate()).isEqualTo(3);
		assertThat(twoOfThree.total().onTimeShareBp()).hasValue(6666);
	}

	@Test
	void eachGroupCountsItsOwnOrganisations() {
		DeliveryMonths.Figures figures = DeliveryMonths.of(List.of(
				delivered("acme", "2026-03-01T02:00:00Z", "2026-03-02"), delivered("globex", "2026-03-09T02:00:00Z", "2026-03-02")),
				MARCH_APRIL, SHANGHAI, List.of(new DeliveryMonths.Group("VIP", Set.of("acme")),
						new DeliveryMonths.Group("Normal", Set.of("globex", "initech")), new DeliveryMonths.Group("None", Set.of())));

		assertThat(figures.groups()).extracting(DeliveryMonths.Counts::label, DeliveryMonths.Counts::delivered)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("VIP", 1L), org.assertj.core.groups.Tuple.tuple("Normal", 1L),
					org.assertj.core.groups.Tuple.tuple("None", 0L));
		assertThat(figures.groups().get(0).onTimeShareBp()).hasValue(10000);
		assertThat(figures.groups().get(1).onTimeShareBp()).hasValue(0);
		assertThat(figures.groups().get(2).onTimeShareBp()).isEmpty();
	}
}
