package com.rapport.customer.tiering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RfmTests {

	static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	final TieringProperties defaults = TieringProperties.defaults();

	static Rfm.Order order(Instant at, String currency, String minorUnits) {
		return new Rfm.Order("order:" + at, at, currency, minorUnits);
	}

	static Instant daysAgo(long days) {
		return NOW.minus(Duration.ofDays(days));
	}

	@Test
	void withoutOrdersThereIsNoRecencyAndNothingCounts() {
		Rfm rfm = Rfm.of(List.of(), null, 0, NOW, defaults);
		assertThat(rfm.recencyDays()).isNull();
		assertThat(rfm.frequency()).isZero();
		assertThat(rfm.monetary()).isEqualByComparingTo("0");
		assertThat(rfm.currency()).isEqualTo("CNY");
		assertThat(rfm.totalOrders()).isZero();
	}

	@Test
	void oneOrderGivesWholeDaysSinceItAndItsAmountInMajorUnits() {
		Instant at = daysAgo(3).minusSeconds(3600);
		Rfm rfm = Rfm.of(List.of(order(at, "CNY", "123456789")), at, 1, NOW, defaults);
		assertThat(rfm.recencyDays()).isEqualTo(3);
		assertThat(rfm.frequency()).isEqualTo(1);
		assertThat(rfm.monetary()).isEqualByComparingTo("1234567.89");
	}

	@Test
	void anOrderExactlyAtTheWindowsStartCountsAndOneJustBeforeDoesNot() {
		Instant start = NOW.minus(Duration.ofDays(365));
		Rfm rfm = Rfm.of(List.of(order(start, "CNY", "100"), order(start.minusMillis(1), "CNY", "100")), start, 2,
				NOW, defaults);
		assertThat(rfm.frequency()).isEqualTo(1);
		assertThat(rfm.monetary()).isEqualByComparingTo("1.00");
		assertThat(rfm.totalOrders()).isEqualTo(2);
	}

	@Test
	void ordersOutsideTheWindowStillGiveRecencyFromTheLatestOfAllTime() {
		Instant latest = daysAgo(400);
		Rfm rfm = Rfm.of(List.of(), latest, 3, NOW, defaults);
		assertThat(rfm.recencyDays()).isEqualTo(400);
		assertThat(rfm.frequency()).isZero();
		assertThat(rfm.totalOrders()).isEqualTo(3);
	}

	@Test
	void otherCurrenciesAreConvertedAtTheFixedRates() {
		Instant at = daysAgo(1);
		Rfm rfm = Rfm.of(List.of(order(at, "SGD", "1000000"), order(at, "eur", "410000"), order(at, "USD", "100")),
				at, 3, NOW, defaults);
		// SGD 10,000 × 5.3 + EUR 4,100 × 7.8 + USD 1 × 7.2
		assertThat(rfm.monetary()).isEqualByComparingTo(new BigDecimal("53000").add(new BigDecimal("31980"))
			.add(new BigDecimal("7.2")));
		assertThat(rfm.monetary().scale()).isEqualTo(2);
	}

	@Test
	void anUnknownCurrencyOrAnUnreadableAmountIsSkippedButTheOrderStillCounts() {
		Instant at = daysAgo(1);
		Rfm rfm = Rfm.of(List.of(order(at, "GBP", "5000"), order(at, "CNY", "not-a-number"), order(at, null, "1"),
				order(at, "CNY", "250")), at, 4, NOW, defaults);
		assertThat(rfm.frequency()).isEqualTo(4);
		assertThat(rfm.monetary()).isEqualByComparingTo("2.50");
	}

	@Test
	void aCurrencyWithoutMinorUnitsIsNotDividedByAHundred() {
		TieringProperties withYen = new TieringProperties(null, null, Map.of("JPY", new BigDecimal("0.05")), null,
				null, null);
		Instant at = daysAgo(1);
		Rfm rfm = Rfm.of(List.of(order(at, "JPY", "10000")), at, 1, NOW, withYen);
		assertThat(rfm.monetary()).isEqualByComparingTo("500");
	}

	@Test
	void aConfiguredWindowAndBaseCurrencyApply() {
		TieringProperties euro = new TieringProperties(Duration.ofDays(30), "eur", Map.of("CNY", new BigDecimal("0.128")),
				null, null, null);
		Rfm rfm = Rfm.of(List.of(order(daysAgo(29), "CNY", "100000"), order(daysAgo(31), "EUR", "100")),
				daysAgo(29), 2, NOW, euro);
		assertThat(rfm.frequency()).isEqualTo(1);
		assertThat(rfm.currency()).isEqualTo("EUR");
		assertThat(rfm.monetary()).isEqualByComparingTo("128.00");
	}
}
