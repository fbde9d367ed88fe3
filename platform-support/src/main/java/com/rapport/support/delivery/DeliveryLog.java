package com.rapport.support.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Metrics;
import jakarta.mail.internet.AddressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;

/**
 * A service's log of mails to deliver (order notifications, survey invitations), worked by every replica at once:
 * each claims one due entry ({@code state} QUEUED, or RETRYING with {@code nextAttemptAt} come) for the lease by a
 * conditional update, sends it, and notes the outcome only while it still holds the claim ({@code claimedBy}).
 * A mail server that fails: RETRYING with exponential backoff, DEAD after {@code maxAttempts}; a mail that cannot
 * be written or an address no server takes: FAILED. The entries' documents keep {@code state}, {@code attempts},
 * {@code nextAttemptAt}, {@code claimedBy} and {@code lastError}, with an index on {@code state, nextAttemptAt}.
 *
 * @param <T> the entries' document class
 */
public final class DeliveryLog<T> {

	private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);

	/**
	 * Counter of outcomes, tags {@code log} (the entries' class, e.g. {@code Notification}) and {@code outcome}
	 * ({@code sent}, {@code retrying}, {@code failed}, {@code dead}); in Micrometer's global registry, which Spring
	 * Boot's (the Prometheus endpoint's) joins.
	 */
	public static final String DELIVERIES = "rapport.deliveries";

	/** The states of an entry that is still to be sent. */
	public static final List<String> DUE = List.of("QUEUED", "RETRYING");

	private final MongoTemplate mongo;

	private final Class<T> type;

	private final Retries retries;

	private final Clock clock;

	private final String holder = "sender-" + UUID.randomUUID();

	public DeliveryLog(MongoTemplate mongo, Class<T> type, Retries retries, Clock clock) {
		this.mongo = mongo;
		this.type = type;
		this.retries = retries;
		this.clock = clock;
	}

	/**
	 * How often and how long to try.
	 *
	 * @param maxAttempts tries before an entry is DEAD
	 * @param firstRetry  the wait after the first failed try, doubled after each further one up to {@code maxRetry}
	 * @param lease       how long a sender holds an entry it claimed; one that dies mid-send frees it then
	 */
	public record Retries(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration lease) {

		/** The wait after the {@code attempts}-th failed try: 30 s, 1 min, 2 min, ... at most {@code maxRetry}. */
		public Duration backoff(int attempts) {
			Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
			return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
		}
	}

	/** One due entry, now held by this sender until the lease runs out; null when none is due. */
	public T claim() {
		Instant now = clock.instant();
		Query due = Query.query(Criteria.where("state").in(DUE).and("nextAttemptAt").lte(now));
		Update take = new Update().set("nextAttemptAt", now.plus(retries.lease())).set("claimedBy", holder);
		return mongo.findAndModify(due, take, FindAndModifyOptions.options().returnNew(true), type);
	}

	/** Sent on the {@code attempts}-th try: SENT, with {@code also} (the entry's own notes). */
	public void sent(String id, int attempts, Update also) {
		finish(id, also.set("state", "SENT").set("attempts", attempts).unset("nextAttemptAt").unset("lastError"));
		count("sent");
	}

	private void count(String outcome) {
		Metrics.counter(DELIVERIES, "log", type.getSimpleName(), "outcome", outcome).increment();
	}

	/**
	 * The {@code attempts}-th try failed with {@code ex} (a {@link MailException} or an
	 * {@link IllegalArgumentException} from writing it): FAILED when no try can succeed, else RETRYING after the
	 * backoff, or DEAD after the last try.
	 */
	public void failed(String id, int attempts, RuntimeException ex) {
		failed(id, attempts, ex, new Update());
	}

	/** The same, with {@code also} (the entry's own notes of the try, such as a webhook's answer status). */
	public void failed(String id, int attempts, RuntimeException ex, Update also) {
		String error = message(ex);
		boolean hopeless = ex instanceof MailParseException || ex instanceof MailPreparationException
				|| ex instanceof IllegalArgumentException || rootCause(ex) instanceof AddressException;
		if (hopeless) {
			finish(id, also.set("state", "FAILED").set("attempts", attempts).set("lastError", error)
				.unset("nextAttemptAt"));
			log.warn("{} {} cannot be sent: {}", type.getSimpleName(), id, error);
			count("failed");
			return;
		}
		boolean dead = attempts >= retries.maxAttempts();
		Update failed = also.set("attempts", attempts).set("lastError", error).set("state", dead ? "DEAD" : "RETRYING");
		if (dead) {
			failed.unset("nextAttemptAt");
		}
		else {
			failed.set("nextAttemptAt", clock.instant().plus(retries.backoff(attempts)));
		}
		finish(id, failed);
		count(dead ? "dead" : "retrying");
		log.warn("{} {} try {} failed{}: {}", type.getSimpleName(), id, attempts, dead ? " for the last time" : "", error);
	}

	/** Notes the outcome if this sender still holds the claim (else the lease ran out and another took it). */
	private void finish(String id, Update outcome) {
		Query mine = Query.query(Criteria.where("_id").is(id).and("claimedBy").is(holder).and("state").in(DUE));
		if (mongo.updateFirst(mine, outcome.unset("claimedBy"), type).getModifiedCount() == 0) {
			log.warn("{} {} was taken over before its outcome was noted", type.getSimpleName(), id);
		}
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String message(Throwable ex) {
		String text = String.valueOf(rootCause(ex).getMessage());
		return text.length() > 500 ? text.substring(0, 500) : text;
	}
}
