package com.rapport.feedback.score;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The arithmetic of CSAT %, NPS and CES, at the edges of each scale and of rounding. */
class FiguresTests {

	@Test
	void withoutAnswersThereIsNoFigureOnlyZeroCounts() {
		assertThat(Figures.Csat.of(List.of())).isEqualTo(new Figures.Csat(0, OptionalInt.empty()));
		assertThat(Figures.Nps.of(List.of())).isEqualTo(new Figures.Nps(0, 0, 0, OptionalInt.empty()));
		assertThat(Figures.Ces.of(List.of())).isEqualTo(new Figures.Ces(0, OptionalInt.empty(), OptionalInt.empty()));
	}

	@Test
	void oneAnswerIsAllOrNothing() {
		assertThat(Figures.Csat.of(List.of(4)).percentBasisPoints()).hasValue(10_000);
		assertThat(Figures.Csat.of(List.of(3)).percentBasisPoints()).hasValue(0);
		assertThat(Figures.Nps.of(List.of(10)).score()).hasValue(100);
		assertThat(Figures.Nps.of(List.of(8)).score()).hasValue(0);
		assertThat(Figures.Ces.of(List.of(7))).isEqualTo(new Figures.Ces(1, OptionalInt.of(70), OptionalInt.of(10_000)));
	}

	@Test
	void csatCountsFourAndFiveAsSatisfiedAndThreeNot() {
		assertThat(Figures.Csat.of(List.of(1, 2, 3))).isEqualTo(new Figures.Csat(3, OptionalInt.of(0)));
		assertThat(Figures.Csat.of(List.of(3, 4))).isEqualTo(new Figures.Csat(2, OptionalInt.of(5_000)));
		assertThat(Figures.Csat.of(List.of(4, 5, 5, 4))).isEqualTo(new Figures.Csat(4, OptionalInt.of(10_000)));
	}

	@Test
	void csatShareIsRoundedDownSoAHundredPercentMeansEveryAnswer() {
		// 2 of 3 is 66.666 %, 5 of 6 is 83.333 %, 2 of 7 is 28.571 %.
		assertThat(Figures.Csat.of(List.of(5, 4, 2)).percentBasisPoints()).hasValue(6_666);
		assertThat(Figures.Csat.of(List.of(5, 5, 5, 5, 5, 1)).percentBasisPoints()).hasValue(8_333);
		assertThat(Figures.Csat.of(List.of(5, 5, 1, 1, 1, 1, 1)).percentBasisPoints()).hasValue(2_857);
		List<Integer> allButOne = new java.util.ArrayList<>(java.util.Collections.nCopies(19_999, 5));
		allButOne.add(1);
		assertThat(Figures.Csat.of(allButOne).percentBasisPoints()).hasValue(9_999);
	}

	@Test
	void npsSortsSixAsDetractorSevenAndEightAsPassiveNineAsPromoter() {
		Figures.Nps nps = Figures.Nps.of(List.of(0, 6, 7, 8, 9, 10));
		assertThat(nps.detractors()).isEqualTo(2);
		assertThat(nps.passives()).isEqualTo(2);
		assertThat(nps.promoters()).isEqualTo(2);
		assertThat(nps.count()).isEqualTo(6);
		assertThat(nps.score()).hasValue(0);
	}

	@Test
	void allDetractorsMakeMinusAHundredAndAllPromotersAHundred() {
		assertThat(Figures.Nps.of(List.of(0, 3, 6, 6)).score()).hasValue(-100);
		assertThat(Figures.Nps.of(List.of(9, 10, 9)).score()).hasValue(100);
		assertThat(Figures.Nps.of(List.of(7, 8)).score()).hasValue(0);
	}

	@Test
	void npsIsRoundedToTheNearestWholeNumberAHalfAwayFromZero() {
		// 2 promoters, 1 detractor of 3: 33.33 -> 33; 2 of 3 promoters: 66.67 -> 67.
		assertThat(Figures.Nps.of(List.of(10, 10, 0)).score()).hasValue(33);
		assertThat(Figures.Nps.of(List.of(10, 10, 8)).score()).hasValue(67);
		assertThat(Figures.Nps.of(List.of(0, 0, 8)).score()).hasValue(-67);
		// 1 of 8: 12.5 -> 13, and -12.5 -> -13.
		assertThat(Figures.Nps.of(List.of(10, 7, 7, 7, 7, 7, 7, 7)).score()).hasValue(13);
		assertThat(Figures.Nps.of(List.of(0, 7, 7, 7, 7, 7, 7, 7)).score()).hasValue(-13);
	}

	@Test
	void cesCountsFiveToSevenAsEasyAndFourNot() {
		Figures.Ces ces = Figures.Ces.of(List.of(4, 5));
		assertThat(ces.easyShareBasisPoints()).hasValue(5_000);
		assertThat(ces.averageTenths()).hasValue(45);
		assertThat(Figures.Ces.of(List.of(1, 2, 3, 4)).easyShareBasisPoints()).hasValue(0);
		assertThat(Figures.Ces.of(List.of(5, 6, 7)).easyShareBasisPoints()).hasValue(10_000);
	}

	@Test
	void cesAverageIsInTenthsRoundedAHalfUp() {
		// 16 / 3 = 5.333 -> 5.3; 17 / 3 = 5.667 -> 5.7; 21 / 4 = 5.25 -> 5.3.
		assertThat(Figures.Ces.of(List.of(5, 5, 6)).averageTenths()).hasValue(53);
		assertThat(Figures.Ces.of(List.of(5, 6, 6)).averageTenths()).hasValue(57);
		assertThat(Figures.Ces.of(List.of(5, 5, 5, 6)).averageTenths()).hasValue(53);
		assertThat(Figures.Ces.of(List.of(1, 1)).averageTenths()).hasValue(10);
	}

	@Test
	void aScoreOffItsScaleIsABugNotAFigure() {
		assertThatIllegalStateException().isThrownBy(() -> Figures.Csat.of(List.of(0)));
		assertThatIllegalStateException().isThrownBy(() -> Figures.Nps.of(List.of(11)));
		assertThatIllegalStateException().isThrownBy(() -> Figures.Ces.of(List.of(8)));
	}

	/** The roll-ups keep how many gave each score; the same formulas read them (index = score). */
	@Test
	void fromADistributionEmptyMeansNoFigureAndEveryThresholdFallsWhereItDoesForTheAnswers() {
		assertThat(Figures.Csat.ofDistribution(new long[6])).isEqualTo(new Figures.Csat(0, OptionalInt.empty()));
		assertThat(Figures.Nps.ofDistribution(new long[11])).isEqualTo(new Figures.Nps(0, 0, 0, OptionalInt.empty()));
		assertThat(Figures.Ces.ofDistribution(new long[8]))
			.isEqualTo(new Figures.Ces(0, OptionalInt.empty(), OptionalInt.empty()));
		// CSAT: one 3 (not satisfied) and one 4 (satisfied).
		assertThat(Figures.Csat.ofDistribution(new long[] { 0, 0, 0, 1, 1, 0 }))
			.isEqualTo(new Figures.Csat(2, OptionalInt.of(5_000)));
		// NPS: 6 a detractor, 7 and 8 passives, 9 a promoter.
		assertThat(Figures.Nps.ofDistribution(new long[] { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0 }))
			.isEqualTo(new Figures.Nps(1, 2, 1, OptionalInt.of(0)));
		// CES: a 4 is not easy, a 5 is; the average 4.5 is 45 tenths.
		assertThat(Figures.Ces.ofDistribution(new long[] { 0, 0, 0, 0, 1, 1, 0, 0 }))
			.isEqualTo(new Figures.Ces(2, OptionalInt.of(45), OptionalInt.of(5_000)));
	}

	@Test
	void allDetractorsFromADistributionIsMinusAHundredAndMatchesTheAnswers() {
		List<Integer> answers = List.of(0, 3, 6, 6, 1);
		long[] byScore = Figures.distribution(com.rapport.feedback.response.SurveyKind.NPS, answers);

		assertThat(Figures.Nps.ofDistribution(byScore)).isEqualTo(new Figures.Nps(0, 0, 5, OptionalInt.of(-100)));
		assertThat(Figures.Nps.ofDistribution(byScore)).isEqualTo(Figures.Nps.of(answers));
	}

	@Test
	void aMillionAnswersAddUpWithoutOverflow() {
		long[] byScore = { 0, 0, 0, 0, 400_000, 600_001 };

		assertThat(Figures.Csat.ofDistribution(byScore)).isEqualTo(new Figures.Csat(1_000_001, OptionalInt.of(10_000)));
		assertThat(Figures.Ces.ofDistribution(new long[] { 0, 1_000_000, 0, 0, 0, 0, 0, 1_000_000 }))
			.isEqualTo(new Figures.Ces(2_000_000, OptionalInt.of(40), OptionalInt.of(5_000)));
	}
}
