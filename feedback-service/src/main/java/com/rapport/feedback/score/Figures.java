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
			check(SurveyKind.CSAT, scores);
			int satisfied = (int) scores.stream().filter(score -> score >= 4).count();
			return new Csat(scores.size(), shareBasisPoints(satisfied, scores.size()));
		}
	}

	/** NPS: promoters (9-10), passives (7-8), detractors (0-6), and % promoters − % detractors. */
	public record Nps(int promoters, int passives, int detractors, OptionalInt score) {

		public static Nps of(Collection<Integer> scores) {
			check(SurveyKind.NPS, scores);
			int promoters = (int) scores.stream().filter(score -> score >= 9).count();
			int detractors = (int) scores.stream().filter(score -> score <= 6).count();
			int passives = scores.size() - promoters - detractors;
			OptionalInt nps = scores.isEmpty() ? OptionalInt.empty()
					: OptionalInt.of(BigDecimal.valueOf(100L * (promoters - detractors))
						.divide(BigDecimal.valueOf(scores.size()), 0, RoundingMode.HALF_UP).intValueExact());
			return new Nps(promoters, passives, detractors, nps);
		}

		public int count() {
			return promoters + passives + detractors;
		}
	}

	/** CES: how many answers, their average in tenths, and the share of 5 to 7. */
	public record Ces(int count, OptionalInt averageTenths, OptionalInt easyShareBasisPoints) {

		public static Ces of(Collection<Integer> scores) {
			check(SurveyKind.CES, scores);
			int easy = (int) scores.stream().filter(score -> score >= 5).count();
			long sum = scores.stream().mapToLong(Integer::longValue).sum();
			OptionalInt average = scores.isEmpty() ? OptionalInt.empty()
					: OptionalInt.of(BigDecimal.valueOf(sum * 10).divide(BigDecimal.valueOf(scores.size()), 0,
							RoundingMode.HALF_UP).intValueExact());
			return new Ces(scores.size(), average, shareBasisPoints(easy, scores.size()));
		}
	}

	private static OptionalInt shareBasisPoints(int part, int whole) {
		return whole == 0 ? OptionalInt.empty() : OptionalInt.of((int) (10_000L * part / whole));
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
