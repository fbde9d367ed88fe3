package com.rapport.benchmarks.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which answers a store of {@code answers} seeded answers holds, each made from its number alone (the same on every
 * run and machine): answer {@code n} (0 to {@code answers - 1}) is {@code bench-answer-0000001} ..., of one of the
 * {@code organisations} (drawn by a hash of {@code n}), half of them CSAT, a quarter NPS, a quarter CES, its score
 * leaning to the top of the scale as far as its organisation's mood says, answered {@code n} steps into the
 * {@code days} before {@code until}, so the answers go in in the order they were given and a store always holds a
 * prefix of the plan.
 */
record AnswerPlan(int answers, List<String> organisations, Instant until, int days) {

	/** The six demo organisations (feedback-service's demo data answers for them too). */
	static final List<String> DEMO_ORGANISATIONS = List.of("acme-retail", "globex-trading", "initech-logistics",
			"stark-components", "wayne-hardware", "umbrella-supplies");

	AnswerPlan {
		if (answers < 1 || answers > 9_999_999) {
			throw new IllegalArgumentException("--answers must be 1 to 9,999,999, not " + answers);
		}
		if (organisations.isEmpty()) {
			throw new IllegalArgumentException("the answers need at least one organisation");
		}
		if (days < 1) {
			throw new IllegalArgumentException("--days must be at least 1, not " + days);
		}
		organisations = List.copyOf(organisations);
	}

	/** The growth scenario's clones {@code growth-000001} to {@code growth-<n>} (growth's {@code GrowthPlan.id}). */
	static List<String> growthClones(int n) {
		return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> String.format("growth-%06d", i)).toList();
	}

	String id(int n) {
		return String.format("bench-answer-%07d", n + 1);
	}

	String customerId(int n) {
		return organisations.get(Math.floorMod(mix(n, 1), organisations.size()));
	}

	/** {@code CSAT}, {@code NPS} or {@code CES}. */
	String kind(int n) {
		int draw = Math.floorMod(mix(n, 2), 4);
		return draw < 2 ? "CSAT" : draw == 2 ? "NPS" : "CES";
	}

	static int min(String kind) {
		return kind.equals("NPS") ? 0 : 1;
	}

	static int max(String kind) {
		return switch (kind) {
			case "CSAT" -> 5;
			case "NPS" -> 10;
			default -> 7;
		};
	}

	/** Within the kind's scale; an organisation's mood (0.3 to 0.9) leans its scores to the top. */
	int score(int n) {
		String kind = kind(n);
		double lean = mood(customerId(n));
		double u = new SplittableRandom(mix(n, 3)).nextDouble();
		int steps = max(kind) - min(kind) + 1;
		int step = (int) Math.floor(Math.pow(u, 1.0 / (0.5 + 2 * lean)) * steps);
		return min(kind) + Math.min(step, steps - 1);
	}

	static double mood(String customerId) {
		return 0.3 + Math.floorMod(customerId.hashCode(), 61) / 100.0;
	}

	/** {@code n} steps into the period, the first half a step after its start, the last half a step before its end. */
	Instant answeredAt(int n) {
		long span = Duration.ofDays(days).toMillis();
		long offset = (long) ((n + 0.5) * span / answers);
		return until.minusMillis(span - offset);
	}

	private static long mix(int n, int salt) {
		long z = (n + 1L) * 0x9E3779B97F4A7C15L + salt * 0xD1B54A32D192ED03L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
