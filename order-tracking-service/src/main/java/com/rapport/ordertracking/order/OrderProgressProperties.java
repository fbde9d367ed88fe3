package com.rapport.ordertracking.order;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How order progress is judged ({@code rapport.orders.*}).
 *
 * @param maxFutureSkew    how far ahead of this service's clock a milestone's time may be (a partner's clock runs a
 *                         little fast; a time further ahead is a mistake and refused)
 * @param noProgress       how long an order may stay at a stage without a milestone before it is at risk, per stage
 *                         ({@code CONFIRMED: 72h}); {@code noProgressDefault} for a stage not named
 * @param noProgressDefault the same for every stage not in {@code noProgress}
 */
@ConfigurationProperties("rapport.orders")
public record OrderProgressProperties(Duration maxFutureSkew, Map<MilestoneCode, Duration> noProgress,
		Duration noProgressDefault) {

	public OrderProgressProperties {
		maxFutureSkew = maxFutureSkew == null ? Duration.ofHours(24) : maxFutureSkew;
		noProgress = noProgress == null ? Map.of() : Map.copyOf(noProgress);
		noProgressDefault = noProgressDefault == null ? Duration.ofDays(5) : noProgressDefault;
	}

	/** How long an order may stay at {@code stage} without news. */
	public Duration noProgressAt(MilestoneCode stage) {
		return noProgress.getOrDefault(stage, noProgressDefault);
	}

	/** The shortest of them: orders quiet for less are surely not at risk yet. */
	Duration shortestNoProgress() {
		return noProgress.values().stream().reduce(noProgressDefault, (a, b) -> a.compareTo(b) <= 0 ? a : b);
	}
}
