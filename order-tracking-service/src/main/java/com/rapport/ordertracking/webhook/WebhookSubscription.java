package com.rapport.ordertracking.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner system's subscription to order events: where to POST them ({@code url}), which event kinds
 * ({@code events}, names of {@code OrderEvent.Kind}), and the {@code secret} that signs each delivery (kept so that
 * it can sign; shown to the admin only when created or rotated). {@code failingSince} is the first failed try since
 * the last delivered one; a subscription failing longer than {@code rapport.webhooks.failing-window} is disabled
 * ({@code disabledReason} {@code FAILING}) and {@code alertDueAt} set, until the admins are mailed. Indexes:
 * {@code enabled} (the fan-out's subscriptions), {@code created} (the console's list), {@code alert_due} (the
 * alerts still to mail).
 */
@Document("webhook_subscriptions")
@CompoundIndexes({ @CompoundIndex(name = "enabled", def = "{'enabled': 1}"),
		@CompoundIndex(name = "created", def = "{'createdAt': -1}"),
		@CompoundIndex(name = "alert_due", def = "{'alertDueAt': 1}", sparse = true) })
public record WebhookSubscription(@Id String id, String url, List<String> events, String description, String secret,
		boolean enabled, DisabledReason disabledReason, Instant disabledAt, Instant failingSince, Instant alertDueAt,
		String createdBy, Instant createdAt, String changedBy, Instant changedAt, Instant lastAttemptAt,
		String lastState, Integer lastStatus) {

	/** Why a subscription is disabled. */
	public enum DisabledReason {
		/** An admin disabled it. */
		BY_ADMIN,
		/** Its deliveries failed for longer than the failing window. */
		FAILING
	}

	public WebhookSubscription {
		events = events == null ? List.of() : List.copyOf(events);
	}

	/** The same subscription as the console may see it: everything but the secret. */
	public WebhookSubscription withoutSecret() {
		return new WebhookSubscription(id, url, events, description, null, enabled, disabledReason, disabledAt,
				failingSince, alertDueAt, createdBy, createdAt, changedBy, changedAt, lastAttemptAt, lastState,
				lastStatus);
	}

	/** A subscription and its secret in clear, answered once: on creation and on rotation. */
	public record WithSecret(WebhookSubscription subscription, String secret) {
	}
}
