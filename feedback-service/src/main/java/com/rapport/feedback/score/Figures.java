package com.rapport.feedback.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.OptionalInt;

import com.rapport.feedback.response.SurveyKind;

/**
 * The arithmetic of the three figures (DOMAIN.md), in whole numbers so that no caller rounds a double:
 * shares in basis points rounded down (10000 only when every answer counts), NPS to the nearest whole number
 * and the CES average to the nearest tenth, halves away from zero. Every figure is empty without answers.
 */
public final class Figures {

	private Figures() {
	}

	/** CSAT: how many answers, and the share of 4 and 5. */
	public record Csat(int count, OptionalInt percentBasisPoints) {

		public static Csat of(Collection<Integer> scores) {
			return ofDistribution(distribution(SurveyKind.CSAT, scores));
		}

		/** From how many answers gave each score ({@code byScore[score]}), as the monthly roll-ups keep them. */
		public static Csat ofDistribution(long[] byScore) {
			long count = between(byScore, 1, 5);
			return new Csat(Math.toIntExact(count), shareBasisPoints(between(byScore, 4, 5), count));
		}
	}

	/** NPS: promoters (9-10), passives (7-8), detractors (0-6), and % promoters − % detractors. */
	public record Nps(int promoters, int passives, int detractors, OptionalInt score) {

		public static Nps of(Collection<Integer> scores) {
			return ofDistribution(distribution(SurveyKind.NPS, scores));
		}

		/** From how many answers gave each score ({@code byScore[score]}), as the monthly roll-ups keep them. */
		public static Nps ofDistribution(long[] byScore) {
			long promoters = between(byScore, 9, 10);
			long detractors = between(byScore, 0, 6);
			long count = between(byScore, 0, 10);
			OptionalInt nps = count == 0 ? OptionalInt.empty()
					: OptionalInt.of(BigDecimal.valueOf(100L * (promoters - detractors))
						.divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).intValueExact());
			return new Nps(Math.toIntExact(promoters), Math.toIntExact(count - promoters - detractors),
					Math.toIntExact(detractors), nps);
		}

		public int count() {
			return promoters + passives + detractors;
		}
	}

	/** CES: how many answers, their average in tenths, and the share of 5 to 7. */
	public record Ces(int count, OptionalInt averageTenths, OptionalInt easyShareBasisPoints) {

		public static Ces of(Collection<Integer> scores) {
			return ofDistribution(distribution(SurveyKind.CES, scores));
		}

		/** From how many answers gave each score ({@code byScore[score]}), as the monthly roll-ups keep them. */
		public static Ces ofDistribution(long[] byScore) {
			long count = between(byScore, 1, 7);
			long sum = 0;
			for (int score = 1; score <= 7 && score < byScore.length; score++) {
				sum += score * byScore[score];
			}
			OptionalInt average = count == 0 ? OptionalInt.empty()
					: OptionalInt.of(BigDecimal.valueOf(sum * 10).divide(BigDecimal.valueOf(count), 0,
							RoundingMode.HALF_UP).intValueExact());
			return new Ces(Math.toIntExact(count), average, shareBasisPoints(between(byScore, 5, 7), count));
		}
	}

	/** The share {@code part} of {@code whole} in basis points rounded down; empty when {@code whole} is 0. */
	public static OptionalInt shareBasisPoints(long part, long whole) {
		return whole == 0 ? OptionalInt.empty() : OptionalInt.of((int) (10_000L * part / whole));
	}

	/** How many answers gave each score of {@code kind}'s scale: index = score. */
	public static long[] distribution(SurveyKind kind, Collection<Integer> scores) {
		check(kind, scores);
		long[] byScore = new long[kind.max() + 1];
		scores.forEach(score -> byScore[score]++);
		return byScore;
	}

	private static long between(long[] byScore, int from, int to) {
		long count = 0;
		for (int score = from; score <= to && score < byScore.length; score++) {
			count += byScore[score];
		}
		return count;
	}

	/** A score off its scale here is a bug upstream (recording validates): fail loudly, not count it wrong. */
	private static void check(SurveyKind kind, Collection<Integer> scores) {
		scores.forEach(score -> {
			if (!kind.accepts(score)) {
				throw new IllegalStateException(kind + " score " + score + " is off its scale");
			}
		});
	}
}
