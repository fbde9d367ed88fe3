package com.rapport.feedback.rollup.grpc;

import java.util.EnumMap;
import java.util.Map;

import com.rapport.contracts.feedback.v1.PeriodFigures;
import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.rollup.FeedbackFigures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures as the dashboard reads them: absent without answers or invitations, never 0; shares rounded down. */
class FeedbackFiguresGrpcServiceTests {

	private static FeedbackFigures.Period period(long[] csat, long[] nps, long[] ces, long invited, long answered) {
		Map<SurveyKind, FeedbackFigures.Totals> kinds = new EnumMap<>(SurveyKind.class);
		kinds.put(SurveyKind.CSAT, new FeedbackFigures.Totals(csat, invited, answered));
		kinds.put(SurveyKind.NPS, new FeedbackFigures.Totals(nps, 0, 0));
		kinds.put(SurveyKind.CES, new FeedbackFigures.Totals(ces, 0, 0));
		return new FeedbackFigures.Period("2026-11", kinds);
	}

	@Test
	void aMonthWithoutAnswersOrInvitationsHasNoFigureOnlyZeroCounts() {
		PeriodFigures none = FeedbackFiguresGrpcService.toProto(period(new long[6], new long[11], new long[8], 0, 0));

		assertThat(none.getCsat().getAnswers()).isZero();
		assertThat(none.getCsat().hasCsatPercentBp()).isFalse();
		assertThat(none.getNps().hasNps()).isFalse();
		assertThat(none.getCes().hasCesAverageTenths()).isFalse();
		assertThat(none.getCes().hasCesEasyShareBp()).isFalse();
		assertThat(none.hasResponseRateBp()).isFalse();
		assertThat(none.getCsat().hasResponseRateBp()).isFalse();
		assertThat(none.getNps().getDistributionList()).hasSize(11).containsOnly(0L);
	}

	@Test
	void allDetractorsIsMinusAHundredAndTheResponseRateIsRoundedDownAndNeverOverAHundred() {
		PeriodFigures month = FeedbackFiguresGrpcService.toProto(period(new long[] { 0, 0, 0, 1, 2, 0 },
				new long[] { 2, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0 }, new long[8], 3, 2));

		assertThat(month.getNps().getNps()).isEqualTo(-100);
		assertThat(month.getNps().getDetractors()).isEqualTo(5);
		assertThat(month.getCsat().getCsatPercentBp()).isEqualTo(6_666);
		assertThat(month.getResponseRateBp()).isEqualTo(6_666);
		assertThat(FeedbackFiguresGrpcService.toProto(period(new long[6], new long[11], new long[8], 1, 3))
			.getResponseRateBp()).isEqualTo(10_000);
	}
}
