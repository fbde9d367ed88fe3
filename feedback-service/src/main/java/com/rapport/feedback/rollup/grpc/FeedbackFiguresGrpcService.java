package com.rapport.feedback.rollup.grpc;

import com.rapport.contracts.feedback.v1.FeedbackFiguresServiceGrpc;
import com.rapport.contracts.feedback.v1.GetFeedbackFiguresRequest;
import com.rapport.contracts.feedback.v1.GetSegmentFiguresRequest;
import com.rapport.contracts.feedback.v1.KindFigures;
import com.rapport.contracts.feedback.v1.PeriodFigures;
import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.rollup.FeedbackFigures;
import com.rapport.feedback.score.Figures;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The console dashboard's survey figures, month by month and by group; the figures service decides who may read. */
@GrpcService
class FeedbackFiguresGrpcService extends FeedbackFiguresServiceGrpc.FeedbackFiguresServiceImplBase {

	private final FeedbackFigures figures;

	FeedbackFiguresGrpcService(FeedbackFigures figures) {
		this.figures = figures;
	}

	@Override
	public void getFeedbackFigures(GetFeedbackFiguresRequest request,
			StreamObserver<com.rapport.contracts.feedback.v1.FeedbackFigures> response) {
		FeedbackFigures.Figures answer = figures.of(Caller.current(), request.getFromMonth(), request.getToMonth(),
				request.getCustomerIdsList(), request.getGroupsList().stream()
					.map(group -> new FeedbackFigures.Group(group.getLabel(), group.getCustomerIdsList()))
					.toList());
		response.onNext(toProto(answer));
		response.onCompleted();
	}

	@Override
	public void getSegmentFigures(GetSegmentFiguresRequest request,
			StreamObserver<com.rapport.contracts.feedback.v1.FeedbackFigures> response) {
		FeedbackFigures.Figures answer = figures.bySegment(Caller.current(), request.getFromMonth(),
				request.getToMonth(), new FeedbackFigures.SegmentFilter(request.getSegment().getTier(),
						request.getSegment().getIndustry(), request.getSegment().getRegion()),
				request.getBreakdown());
		response.onNext(toProto(answer));
		response.onCompleted();
	}

	private static com.rapport.contracts.feedback.v1.FeedbackFigures toProto(FeedbackFigures.Figures answer) {
		com.rapport.contracts.feedback.v1.FeedbackFigures.Builder builder = com.rapport.contracts.feedback.v1.FeedbackFigures
			.newBuilder().setTotal(toProto(answer.total()));
		answer.months().forEach(month -> builder.addMonths(toProto(month)));
		answer.groups().forEach(group -> builder.addGroups(toProto(group)));
		return builder.build();
	}

	static PeriodFigures toProto(FeedbackFigures.Period period) {
		PeriodFigures.Builder builder = PeriodFigures.newBuilder().setLabel(period.label())
			.setCsat(toProto(SurveyKind.CSAT, period.kinds().get(SurveyKind.CSAT)))
			.setNps(toProto(SurveyKind.NPS, period.kinds().get(SurveyKind.NPS)))
			.setCes(toProto(SurveyKind.CES, period.kinds().get(SurveyKind.CES)));
		long invited = period.kinds().values().stream().mapToLong(FeedbackFigures.Totals::invited).sum();
		long answered = period.kinds().values().stream().mapToLong(FeedbackFigures.Totals::invitedAnswered).sum();
		responseRate(answered, invited).ifPresent(builder::setResponseRateBp);
		return builder.build();
	}

	/** Answered of sent, rounded down; never over 100 % (answers to invitations sent before the roll-ups existed). */
	private static java.util.OptionalInt responseRate(long answered, long invited) {
		return Figures.shareBasisPoints(Math.min(answered, invited), invited);
	}

	private static KindFigures toProto(SurveyKind kind, FeedbackFigures.Totals totals) {
		long[] byScore = totals.distribution();
		KindFigures.Builder builder = KindFigures.newBuilder().setInvited(totals.invited())
			.setInvitedAnswered(totals.invitedAnswered());
		for (long count : byScore) {
			builder.addDistribution(count);
		}
		responseRate(totals.invitedAnswered(), totals.invited()).ifPresent(builder::setResponseRateBp);
		switch (kind) {
			case CSAT -> {
				Figures.Csat csat = Figures.Csat.ofDistribution(byScore);
				builder.setAnswers(csat.count());
				csat.percentBasisPoints().ifPresent(builder::setCsatPercentBp);
			}
			case NPS -> {
				Figures.Nps nps = Figures.Nps.ofDistribution(byScore);
				builder.setAnswers(nps.count()).setPromoters(nps.promoters()).setPassives(nps.passives())
					.setDetractors(nps.detractors());
				nps.score().ifPresent(builder::setNps);
			}
			case CES -> {
				Figures.Ces ces = Figures.Ces.ofDistribution(byScore);
				builder.setAnswers(ces.count());
				ces.averageTenths().ifPresent(builder::setCesAverageTenths);
				ces.easyShareBasisPoints().ifPresent(builder::setCesEasyShareBp);
			}
		}
		return builder.build();
	}
}
