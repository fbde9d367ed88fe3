package com.rapport.ordertracking.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.rapport.support.delivery.DeliveryLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Works the webhook delivery log: claims a due delivery (platform-support's {@link DeliveryLog}, so two replicas
 * never hold one), POSTs its body signed with the subscription's secret, and notes the try (status, error,
 * duration). A 2xx is delivered ({@code SENT}); anything else, no answer or no answer within
 * {@code rapport.webhooks.timeout} is a failed try, retried with exponential backoff, {@code DEAD} after the last.
 * A subscription failing longer than {@code rapport.webhooks.failing-window} (since its last delivered one) is
 * disabled in one conditional write that also marks the admins' alert due ({@link WebhookAlerts}).
 */
@Component
class WebhookSender {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	static final String DELIVERY_ID = "Rapport-Delivery-Id";

	static final String EVENT_TYPE = "Rapport-Event-Type";

	static final String TIMESTAMP = "Rapport-Timestamp";

	/** How many tries a delivery keeps in its log. */
	static final int TRIES_KEPT = 20;

	private final DeliveryLog<WebhookDelivery> deliveries;

	private final MongoTemplate mongo;

	private final WebhookProperties properties;

	private final Clock clock;

	private final HttpClient http;

	WebhookSender(MongoTemplate mongo, WebhookProperties properties, Clock clock) {
		this.deliveries = new DeliveryLog<>(mongo, WebhookDelivery.class, new DeliveryLog.Retries(
				properties.maxAttempts(), properties.firstRetry(), properties.maxRetry(), properties.lease()), clock);
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** Tries due deliveries until none is left or {@code most} were tried; answers how many were delivered. */
	int sendDue(int most) {
		int sent = 0;
		for (int i = 0; i < most; i++) {
			WebhookDelivery claimed = deliveries.claim();
			if (claimed == null) {
				break;
			}
			sent += attempt(claimed) ? 1 : 0;
		}
		return sent;
	}

	private boolean attempt(WebhookDelivery delivery) {
		WebhookSubscription subscription = mongo.findById(delivery.subscriptionId(), WebhookSubscription.class);
		if (subscription == null || !subscription.enabled()) {
			// Nowhere to send it: failed for good, replayable once the subscription is enabled again.
			deliveries.failed(delivery.id(), delivery.attempts(), new IllegalArgumentException(
					subscription == null ? "subscription deleted" : "subscription disabled"));
			return false;
		}
		int attempts = delivery.attempts() + 1;
		Instant at = clock.instant();
		Outcome outcome = post(subscription, delivery, at);
		WebhookDelivery.Try tried = new WebhookDelivery.Try(at, outcome.status, outcome.error, outcome.millis);
		Update also = new Update().push("tries").slice(-TRIES_KEPT).each(tried);
		if (outcome.status != null) {
			also.set("lastStatus", outcome.status);
		}
		else {
			also.unset("lastStatus");
		}
		if (outcome.delivered()) {
			deliveries.sent(delivery.id(), attempts, also.set("deliveredAt", clock.instant()));
			note(subscription, at, "SENT", outcome.status, new Update().unset("failingSince"));
			return true;
		}
		deliveries.failed(delivery.id(), attempts, new TryFailed(outcome.describe()), also);
		String state = attempts >= properties.maxAttempts() ? "DEAD" : "RETRYING";
		note(subscription, at, state, outcome.status, new Update());
		failing(subscription, at);
		return false;
	}

	/** The subscription's last try, for the console's list. */
	private void note(WebhookSubscription subscription, Instant at, String state, Integer status, Update also) {
		also.set("lastAttemptAt", at).set("lastState", state);
		if (status != null) {
			also.set("lastStatus", status);
		}
		else {
			also.unset("lastStatus");
		}
		mongo.updateFirst(Query.query(Criteria.where("_id").is(subscription.id())), also, WebhookSubscription.class);
	}

	/** Marks when the failures began; past the window, disables the subscription (once, whichever replica). */
	private void failing(WebhookSubscription subscription, Instant at) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(subscription.id()).and("failingSince").is(null)),
				new Update().set("failingSince", at), WebhookSubscription.class);
		Instant since = clock.instant().minus(properties.failingWindow());
		Query tooLong = Query.query(Criteria.where("_id").is(subscription.id()).and("enabled").is(true)
			.and("failingSince").lte(since));
		Update disable = new Update().set("enabled", false)
			.set("disabledReason", WebhookSubscription.DisabledReason.FAILING).set("disabledAt", clock.instant())
			.set("alertDueAt", clock.instant()).set("changedBy", "order-tracking-service").set("changedAt", clock.instant());
		if (mongo.updateFirst(tooLong, disable, WebhookSubscription.class).getModifiedCount() == 1) {
			log.warn("Webhook subscription {} ({}) failed for more than {} and is disabled", subscription.id(),
					URI.create(subscription.url()).getHost(), properties.failingWindow());
		}
	}

	private record Outcome(Integer status, String error, long millis) {

		boolean delivered() {
			return status != null && status >= 200 && status < 300;
		}

		String describe() {
			return status != null ? "HTTP " + status : error;
		}
	}

	private Outcome post(WebhookSubscription subscription, WebhookDelivery delivery, Instant at) {
		long seconds = at.getEpochSecond();
		long started = System.nanoTime();
		CompletableFuture<HttpResponse<Void>> answer = null;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url())).timeout(properties.timeout())
				.header("Content-Type", "application/json").header("User-Agent", "Rapport-Webhooks/1")
				.header(DELIVERY_ID, delivery.id()).header(EVENT_TYPE, delivery.eventType())
				.header(TIMESTAMP, String.valueOf(seconds))
				.header(WebhookSignature.HEADER, WebhookSignature.sign(subscription.secret(), seconds, delivery.body()))
				.POST(HttpRequest.BodyPublishers.ofString(delivery.body())).build();
			answer = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
			// The request's timeout covers the answer's headers; this bounds a body that never ends too.
			int status = answer.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS).statusCode();
			return new Outcome(status, null, millisSince(started));
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			return new Outcome(null, "no answer within " + properties.timeout(), millisSince(started));
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause() == null ? ex : ex.getCause();
			return new Outcome(null, cause.getClass().getSimpleName() + ": " + cause.getMessage(), millisSince(started));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(null, "interrupted", millisSince(started));
		}
		catch (IllegalArgumentException ex) {
			return new Outcome(null, "IllegalArgumentException: " + ex.getMessage(), millisSince(started));
		}
	}

	private static long millisSince(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
	}

	/** A try that did not get a 2xx: retried (never "hopeless", unlike a mail to a malformed address). */
	static final class TryFailed extends RuntimeException {

		TryFailed(String message) {
			super(message);
		}
	}
}
