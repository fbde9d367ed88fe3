package com.rapport.customer.growth;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rapport.customer.tiering.Rfm;
import com.rapport.customer.tiering.TieringProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lifetime value model on its edges. */
class LifetimeValueTests {

	static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

	static final TieringProperties RATES = TieringProperties.defaults();

	static Rfm.Order delivered(int daysAgo, String currency, String minorUnits) {
		return new Rfm.Order("order:" + daysAgo, NOW.minus(Duration.ofDays(daysAgo)), currency, minorUnits);
	}

	static LifetimeValue value(List<Rfm.Order> orders, GrowthProperties growth) {
		return LifetimeValue.of(orders, NOW, RATES, growth);
	}

	@Test
	void withoutAnyDeliveredOrderEverythingIsZero() {
		LifetimeValue value = value(List.of(), GrowthProperties.defaults());

		assertThat(value.historicalValue()).isEqualByComparingTo("0");
		assertThat(value.projectedValue()).isEqualByComparingTo("0");
		assertThat(value.averageOrderValue()).isEqualByComparingTo("0");
		assertThat(value.ordersPerYear()).isEqualByComparingTo("0");
		assertThat(value.deliveredOrders()).isZero();
		assertThat(value.observedDays()).isZero();
		assertThat(value.firstOrderAt()).isNull();
		assertThat(value.cohort()).isNull();
		assertThat(value.currency()).isEqualTo("CNY");
	}

	@Test
	void oneOrderDeliveredTodayIsOneOrderAYearNotAnInfiniteRate() {
		// A zero-length history: the year floor keeps the rate at one order a year.
		LifetimeValue value = value(List.of(delivered(0, "CNY", "1000000")), GrowthProperties.defaults());

		assertThat(value.historicalValue()).isEqualByComparingTo("10000.00");
		assertThat(value.averageOrderValue()).isEqualByComparingTo("10000.00");
		assertThat(value.observedDays()).isZero();
		assertThat(value.ordersPerYear()).isEqualByComparingTo("1.00");
		assertThat(value.projectedValue()).isEqualByComparingTo("30000.00"); // × 3 years
		assertThat(value.cohort()).isEqualTo(2026);
	}

	@Test
	void aLongHistoryIsSpreadOverItsYears() {
		// Eight orders of CNY 5,000 over two years (730 days): four a year.
		List<Rfm.Order> orders = List.of(delivered(730, "CNY", "500000"), delivered(640, "CNY", "500000"),
				delivered(550, "CNY", "500000"), delivered(460, "CNY", "500000"), delivered(370, "CNY", "500000"),
				delivered(280, "CNY", "500000"), delivered(190, "CNY", "500000"), delivered(100, "CNY", "500000"));

		LifetimeValue value = value(orders, GrowthProperties.defaults());

		assertThat(value.historicalValue()).isEqualByComparingTo("40000.00");
		assertThat(value.observedDays()).isEqualTo(730);
		assertThat(value.ordersPerYear()).isEqualByComparingTo("4.00");
		assertThat(value.projectedValue()).isEqualByComparingTo("60000.00"); // 5,000 × 4 × 3
		assertThat(value.firstOrderAt()).isEqualTo(NOW.minus(Duration.ofDays(730)));
		assertThat(value.lastOrderAt()).isEqualTo(NOW.minus(Duration.ofDays(100)));
		assertThat(value.cohort()).isEqualTo(2024);
	}

	@Test
	void foreignCurrenciesAreConvertedAtTheTieringRatesAndTheirDecimals() {
		// USD 1,000.00 × 7.2 and JPY 100,000 (no rate: counted, no value) and SGD 500.50 × 5.3.
		List<Rfm.Order> orders = List.of(delivered(200, "USD", "100000"), delivered(100, "JPY", "100000"),
				delivered(10, "sgd", "50050"));

		LifetimeValue value = value(orders, GrowthProperties.defaults());

		assertThat(value.historicalValue()).isEqualByComparingTo("9852.65"); // 7,200 + 2,652.65
		assertThat(value.deliveredOrders()).isEqualTo(3);
		assertThat(value.ordersWithoutValue()).isEqualTo(1);
		assertThat(value.averageOrderValue()).isEqualByComparingTo("4926.32"); // 4,926.325 over the two with a value, half-even
		assertThat(value.ordersPerYear()).isEqualByComparingTo("3.00");
	}

	@Test
	void aConfiguredMarginAndLifespanScaleTheProjectionOnly() {
		List<Rfm.Order> orders = List.of(delivered(365, "CNY", "1000000"), delivered(0, "CNY", "1000000"));

		LifetimeValue value = value(orders, new GrowthProperties(new BigDecimal("5"), new BigDecimal("0.3"), null, null));

		assertThat(value.historicalValue()).isEqualByComparingTo("20000.00");
		assertThat(value.ordersPerYear()).isEqualByComparingTo("2.00");
		assertThat(value.projectedValue()).isEqualByComparingTo("30000.00"); // 10,000 × 2 × 5 × 0.3
		assertThat(value.margin()).isEqualByComparingTo("0.3");
		assertThat(value.lifespanYears()).isEqualByComparingTo("5");
	}

	@Test
	void ordersDeliveredAfterTheMomentAndWithoutAnAmountAreHandled() {
		List<Rfm.Order> orders = List.of(new Rfm.Order("later", NOW.plusSeconds(60), "CNY", "100"),
				delivered(30, "CNY", null));

		LifetimeValue value = value(orders, GrowthProperties.defaults());

		assertThat(value.deliveredOrders()).isEqualTo(1);
		assertThat(value.ordersWithoutValue()).isEqualTo(1);
		assertThat(value.historicalValue()).isEqualByComparingTo("0");
		assertThat(value.projectedValue()).isEqualByComparingTo("0");
	}

	@Test
	void aMarginOrLifespanOutsideTheirRangeIsRefusedAtStartUp() {
		assertThatThrownBy(() -> new GrowthProperties(BigDecimal.ZERO, null, null, null)).hasMessageContaining("lifespan-years");
		assertThatThrownBy(() -> new GrowthProperties(null, new BigDecimal("1.5"), null, null)).hasMessageContaining("margin");
		assertThatThrownBy(() -> new GrowthProperties(null, BigDecimal.ZERO, null, null)).hasMessageContaining("margin");
		assertThatThrownBy(() -> new GrowthProperties.Risk(0)).hasMessageContaining("threshold");
		assertThatThrownBy(() -> new GrowthProperties.Risk(101)).hasMessageContaining("threshold");
		assertThatThrownBy(() -> new GrowthProperties.Reorder(-1)).hasMessageContaining("lead-days");
	}
}
