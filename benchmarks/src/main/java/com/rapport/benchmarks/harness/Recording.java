package com.rapport.benchmarks.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured calls of one kind of request ("search-page"), safe to record into from several threads: each
 * call's latency and, for a failed one, why it failed. A call may carry a group (the kind of search term) for a
 * breakdown under the total, listed by the groups' names.
 */
public final class Recording {

	private final String name;

	private final List<Long> okNanos = new ArrayList<>();

	private final Map<String, Integer> errors = new TreeMap<>();

	private final Map<String, Recording> groups = new TreeMap<>();

	private int count;

	/** How long the measured calls took from the first sent to the last answered; 0 when not timed. */
	private long elapsedNanos;

	public Recording(String name) {
		this.name = name;
	}

	public String name() {
		return name;
	}

	/** One call: how long it took and, when it failed, why ({@code null} when it succeeded). */
	public synchronized void record(String group, long nanos, String error) {
		count++;
		if (error == null) {
			okNanos.add(nanos);
		}
		else {
			errors.merge(error, 1, Integer::sum);
		}
		if (group != null) {
			groups.computeIfAbsent(group, Recording::new).record(null, nanos, error);
		}
	}

	/** The wall-clock time of all the calls, which gives the rate (successful calls a second). */
	synchronized void elapsed(long nanos) {
		this.elapsedNanos = nanos;
	}

	public synchronized Summary summary() {
		long[] sorted = okNanos.stream().mapToLong(Long::longValue).sorted().toArray();
		List<Summary> breakdown = groups.values().stream().map(Recording::summary).toList();
		return new Summary(name, count, count - sorted.length, Collections.unmodifiableMap(new TreeMap<>(errors)),
				millis(percentile(sorted, 50)), millis(percentile(sorted, 95)), millis(percentile(sorted, 99)),
				millis(sorted.length == 0 ? -1 : sorted[sorted.length - 1]),
				elapsedNanos <= 0 ? null : Math.round(sorted.length / (elapsedNanos / 1e9) * 10) / 10.0, breakdown);
	}

	/**
	 * The nearest-rank percentile: the smallest value with at least {@code p} percent of the values at or below
	 * it (so p100 is the maximum, and p50 of 1..10 is 5). -1 when there are no values.
	 */
	static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return -1;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
	}

	private static Double millis(long nanos) {
		return nanos < 0 ? null : Math.round(nanos / 100_000.0) / 10.0;
	}

	/**
	 * The figures of one recording, in milliseconds to one decimal. Percentiles and max are over the calls that
	 * succeeded ({@code null} when none did); {@code count} includes the errors. {@code perSecond} is the
	 * successful calls a second over the measured calls' wall-clock time, all threads together ({@code null} for
	 * a breakdown group).
	 */
	public record Summary(String name, int count, int errors, Map<String, Integer> errorsByReason, Double p50Ms,
			Double p95Ms, Double p99Ms, Double maxMs, Double perSecond, List<Summary> breakdown) {
	}
}
