package com.rapport.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled          whether budgets are enforced at all
 * @param partnerRequests  requests a partner client may make per window on {@code /api/**}
 * @param userRequests     requests a signed-in person may make per window on the portal and console
 * @param window           the length of a counting window
 * @param syncInterval     how often a replica adds its counts to the shared counters and learns the others'
 */
@ConfigurationProperties("rapport.rate-limits")
public record RateLimitProperties(Boolean enabled, Integer partnerRequests, Integer userRequests, Duration window,
		Duration syncInterval) {

	public RateLimitProperties {
		enabled = enabled == null || enabled;
		partnerRequests = partnerRequests == null ? 600 : partnerRequests;
		userRequests = userRequests == null ? 600 : userRequests;
		window = window == null ? Duration.ofMinutes(1) : window;
		syncInterval = syncInterval == null ? Duration.ofMillis(200) : syncInterval;
	}
}
