package com.rapport.customer.growth;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reorder rule on the demo's histories and on the buyers it is wrong about. */
class ReorderRulesTests {

	static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	static ReorderRules.Line line(int daysAgo, String sku, int quantity) {
		return new ReorderRules.Line(NOW.minus(Duration.ofDays(daysAgo)), sku, sku + " description", quantity);
	}

	static List<ReorderRules.Line> lines(String sku, int... daysAgo) {
		List<ReorderRules.Line> lines = new ArrayList<>();
		for (int d : daysAgo) {
			lines.add(line(d, sku, 100));
		}
		return lines;
	}

	@Test
	void acmesChairsEveryMonthOrSoAreExpectedAMonthAfterTheLatestAndDueWithinTheLeadDays() {
		// The demo's Acme Retail: ergonomic chairs 340 to 20 days ago, about every 30 days (two orders 15 days apart).
		List<ReorderRules.Line> acme = lines("CHAIR-ERG-01", 340, 310, 280, 250, 220, 190, 160, 130, 115, 100, 70, 45, 20);

		List<Reorder> reorders = ReorderRules.predict(acme, NOW, 14);

		assertThat(reorders).singleElement().satisfies(r -> {
			assertThat(r.sku()).isEqualTo("CHAIR-ERG-01");
			assertThat(r.usualIntervalDays()).isEqualTo(30);
			assertThat(r.lastOrderedOn()).isEqualTo(TODAY.minusDays(20));
			assertThat(r.expectedOn()).isEqualTo(TODAY.plusDays(10));
			assertThat(r.orders()).isEqualTo(13);
			assertThat(r.lastQuantity()).isEqualTo(100);
			assertThat(r.due()).isTrue();
		});
		assertThat(ReorderRules.predict(acme, NOW, 9)).singleElement()
			.satisfies(r -> assertThat(r.due()).as("ten days away, nine days' lead").isFalse());
	}

	@Test
	void aRegularBuyerWhoseDateHasPassedIsDueAndTwoProductsAreJudgedApart() {
		// Stark's hinges every 60 days or so, the latest 120 days ago; a one-off cabinet is no pattern.
		List<ReorderRules.Line> stark = new ArrayList<>(lines("HINGE-ST-7", 320, 260, 200, 150, 120));
		stark.add(line(200, "CAB-STEEL-3", 2));

		List<Reorder> reorders = ReorderRules.predict(stark, NOW, 14);

		assertThat(reorders).singleElement().satisfies(r -> {
			assertThat(r.sku()).isEqualTo("HINGE-ST-7");
			assertThat(r.usualIntervalDays()).isEqualTo(60);
			assertThat(r.expectedOn()).isEqualTo(TODAY.minusDays(60));
			assertThat(r.due()).isTrue();
		});
	}

	@Test
	void anIrregularBuyerGetsNoPrediction() {
		// 5, 90, 10, 120 days apart: no rhythm to go by.
		assertThat(ReorderRules.predict(lines("LAMP-LED-02", 230, 225, 135, 125, 5), NOW, 14)).isEmpty();
	}

	@Test
	void aSeasonalBuyerIsTakenForIrregularWhereTheRuleIsWrong() {
		// Garden furniture every spring, twice each spring, three years: the rule sees 20, 345, 20, 345, 20 days.
		List<ReorderRules.Line> seasonal = lines("BENCH-GARDEN", 1000, 980, 635, 615, 270, 250);

		assertThat(ReorderRules.predict(seasonal, NOW, 14)).isEmpty();
		// Once a year exactly is regular, and expected a year after the latest.
		assertThat(ReorderRules.predict(lines("BENCH-GARDEN", 1095, 730, 365), NOW, 14)).singleElement()
			.satisfies(r -> assertThat(r.expectedOn()).isEqualTo(TODAY));
	}

	@Test
	void fewerThanThreeOrderDaysAndLinesOfOneDayCountOnce() {
		assertThat(ReorderRules.predict(lines("DESK-STD-140", 60, 30), NOW, 14)).isEmpty();
		// Two lines of the same SKU on one day are one order day.
		assertThat(ReorderRules.predict(lines("DESK-STD-140", 60, 60, 30), NOW, 14)).isEmpty();
		assertThat(ReorderRules.predict(List.of(), NOW, 14)).isEmpty();
	}
}
