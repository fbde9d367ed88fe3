package com.rapport.customer.reorder;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reorder reminders ({@code rapport.reorder-reminders.*}); anything left out takes the default shown.
 *
 * @param enabled      whether reminders are mailed at all ({@code true})
 * @param portalUrl    where the mail's link leads, the gateway's address ({@code http://localhost:8080})
 * @param tokenSecret  signs the links (HMAC-SHA256); the default is a local demo value
 * @param linkLifetime how long a link is good after the expected date ({@code 30d})
 */
@ConfigurationProperties("rapport.reorder-reminders")
public record ReorderProperties(Boolean enabled, String portalUrl, String tokenSecret, Duration linkLifetime) {

	public ReorderProperties {
		enabled = enabled == null || enabled;
		portalUrl = portalUrl == null || portalUrl.isBlank() ? "http://localhost:8080" : portalUrl.strip();
		while (portalUrl.endsWith("/")) {
			portalUrl = portalUrl.substring(0, portalUrl.length() - 1);
		}
		tokenSecret = tokenSecret == null || tokenSecret.isBlank() ? "local-demo-reorder-secret-change-me"
				: tokenSecret;
		linkLifetime = linkLifetime == null ? Duration.ofDays(30) : linkLifetime;
	}

	/** All defaults. */
	public static ReorderProperties defaults() {
		return new ReorderProperties(null, null, null, null);
	}
}
