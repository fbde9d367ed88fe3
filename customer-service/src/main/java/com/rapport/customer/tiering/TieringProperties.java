package com.rapport.customer.tiering;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The manager-configured tiering rules ({@code rapport.tiering.*}); anything left out takes the default shown.
 *
 * @param window       how far back orders count for frequency and monetary value (365 days)
 * @param baseCurrency the currency monetary value is summed in (CNY)
 * @param rates        fixed conversion rates: one unit of the key currency is this many base units
 *                     (SGD 5.3, EUR 7.8, USD 7.2); an order in a currency without a rate is skipped and logged.
 *                     Setting any rate replaces the whole default table.
 */
@ConfigurationProperties("rapport.tiering")
public record TieringProperties(Duration window, String baseCurrency, Map<String, BigDecimal> rates, Vip vip, Key key,
		Lifecycle lifecycle) {

	public TieringProperties {
		window = window == null ? Duration.ofDays(365) : window;
		baseCurrency = baseCurrency == null ? "CNY" : baseCurrency.toUpperCase(Locale.ROOT);
		rates = rates == null || rates.isEmpty()
				? Map.of("SGD", new BigDecimal("5.3"), "EUR", new BigDecimal("7.8"), "USD", new BigDecimal("7.2"))
				: rates.entrySet().stream()
					.collect(Collectors.toUnmodifiableMap(e -> e.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue));
		vip = vip == null ? new Vip(null, null, null) : vip;
		key = key == null ? new Key(null, null) : key;
		lifecycle = lifecycle == null ? new Lifecycle(null, null, null) : lifecycle;
	}

	/** All defaults. */
	public static TieringProperties defaults() {
		return new TieringProperties(null, null, null, null, null, null);
	}

	/**
	 * VIP when monetary value reaches {@code monetary} (1,000,000), or {@code frequency} orders (12) with the
	 * latest at most {@code recency} ago (30 days).
	 */
	public record Vip(BigDecimal monetary, Integer frequency, Duration recency) {

		public Vip {
			monetary = monetary == null ? new BigDecimal("1000000") : monetary;
			frequency = frequency == null ? 12 : frequency;
			recency = recency == null ? Duration.ofDays(30) : recency;
		}
	}

	/** Key when monetary value reaches {@code monetary} (200,000) or there are {@code frequency} orders (4). */
	public record Key(BigDecimal monetary, Integer frequency) {

		public Key {
			monetary = monetary == null ? new BigDecimal("200000") : monetary;
			frequency = frequency == null ? 4 : frequency;
		}
	}

	/**
	 * Loyal from {@code loyalOrders} orders in the window (10); dormant after {@code dormantAfter} without an
	 * order (90 days), churned after {@code churnedAfter} (365 days).
	 */
	public record Lifecycle(Integer loyalOrders, Duration dormantAfter, Duration churnedAfter) {

		public Lifecycle {
			loyalOrders = loyalOrders == null ? 10 : loyalOrders;
			dormantAfter = dormantAfter == null ? Duration.ofDays(90) : dormantAfter;
			churnedAfter = churnedAfter == null ? Duration.ofDays(365) : churnedAfter;
		}
	}
}
