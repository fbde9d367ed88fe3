package com.rapport.systemtests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.jayway.jsonpath.JsonPath;

/**
 * Partner writers under concurrent load, each sending distinct writes one after the other until stopped or
 * out of writes, and remembering every write the platform acknowledged (answered 2xx). A refused or failed
 * write (the service being down, say) is not acknowledged: it is only counted, and its writer pauses a little so
 * that a dead service is not hammered through the gateway's request budget.
 */
final class WriteLoad implements AutoCloseable {

	/** One write: what the platform acknowledged of it; throws when it was refused or the call failed. */
	@FunctionalInterface
	interface Writer {

		List<Acknowledged> write(int thread, int sequence);
	}

	/** A write the platform refused; its status is counted among the refusals. */
	static final class Refused extends RuntimeException {

		Refused(HttpResponse<String> answer) {
			super("HTTP " + answer.statusCode(), null, false, false);
		}
	}

	/**
	 * A write the platform answered 2xx: where a partner reads it back ({@code path}), what it must show there
	 * (JSON path to the value sent) and, for a write with an outbox event, the timeline entry it owes: its
	 * {@code reference} on {@code timelineOrganisation}'s timeline.
	 */
	record Acknowledged(String what, String path, Map<String, Object> shows, String timelineOrganisation,
			String reference) {

		static Acknowledged of(String what, String path, Map<String, Object> shows) {
			return new Acknowledged(what, path, shows, null, null);
		}

		/** Why a partner cannot read this write back as it was sent, or {@code null} when it can. */
		String lossOn(Partner partner) {
			HttpResponse<String> read;
			try {
				read = partner.get(path);
			}
			catch (RuntimeException ex) {
				return what + ": GET " + path + " failed: " + ex.getMessage();
			}
			if (read.statusCode() != 200) {
				return what + ": GET " + path + " answers " + read.statusCode();
			}
			for (Map.Entry<String, Object> field : shows.entrySet()) {
				Object found = JsonPath.read(read.body(), field.getKey());
				if (!Objects.equals(String.valueOf(found), String.valueOf(field.getValue()))) {
					return what + ": " + field.getKey() + " is " + found + " instead of " + field.getValue();
				}
			}
			return null;
		}
	}

	/** How long a writer waits after a refused or failed write. */
	private static final Duration PAUSE_AFTER_REFUSAL = Duration.ofMillis(250);

	private final List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());

	/** Refused or failed writes by reason: an HTTP status or the failure's kind. */
	private final Map<String, Integer> unacknowledged = new ConcurrentSkipListMap<>();

	private final AtomicBoolean stopping = new AtomicBoolean();

	private final ExecutorService threads;

	private WriteLoad(int threads) {
		this.threads = Executors.newFixedThreadPool(threads);
	}

	/** Starts {@code threads} writers, each making at most {@code writesPerThread} writes. */
	static WriteLoad start(int threads, int writesPerThread, Writer writer) {
		WriteLoad load = new WriteLoad(threads);
		for (int t = 0; t < threads; t++) {
			int thread = t;
			load.threads.execute(() -> load.run(writer, thread, writesPerThread));
		}
		return load;
	}

	private void run(Writer writer, int thread, int writes) {
		for (int sequence = 0; sequence < writes && !stopping.get(); sequence++) {
			try {
				acknowledged.addAll(writer.write(thread, sequence));
			}
			catch (RuntimeException ex) {
				String reason = ex instanceof Refused ? ex.getMessage()
						: (ex.getCause() == null ? ex : ex.getCause()).getClass().getSimpleName();
				unacknowledged.merge(reason, 1, Integer::sum);
				sleep(PAUSE_AFTER_REFUSAL);
			}
		}
	}

	/** Waits until at least {@code count} writes are acknowledged; fails when that takes longer than {@code within}. */
	void awaitAcknowledged(int count, Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		while (acknowledged.size() < count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("only " + acknowledged.size() + " of " + count + " writes acknowledged within "
						+ within + " (refused or failed: " + unacknowledged + ")");
			}
			sleep(Duration.ofMillis(10));
		}
	}

	/** Lets the writers go on for {@code moment}, then stops them and waits for the writes in flight. */
	void stopAfter(Duration moment) {
		sleep(moment);
		close();
	}

	List<Acknowledged> acknowledged() {
		synchronized (acknowledged) {
			return List.copyOf(acknowledged);
		}
	}

	/** How many writes were refused or failed, by reason ({@code HTTP 503}, {@code ConnectException}...). */
	Map<String, Integer> unacknowledged() {
		return Map.copyOf(unacknowledged);
	}

	@Override
	public void close() {
		stopping.set(true);
		threads.shutdown();
		try {
			// A write in flight ends within the partner client's own 20 s timeout.
			if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
				threads.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			threads.shutdownNow();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
