package com.rapport.feedback.score.grpc;

import java.time.Instant;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.feedback.v1.CustomerScores;
import com.rapport.contracts.feedback.v1.FeedbackServiceGrpc;
import com.rapport.contracts.feedback.v1.GetCustomerScoresRequest;
import com.rapport.contracts.feedback.v1.LatestScore;
import com.rapport.contracts.feedback.v1.SubjectType;
import com.rapport.feedback.score.ScoreService;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** An organisation's scores for portal-web; who may see what is the score service's to decide. */
@GrpcService
class FeedbackGrpcService extends FeedbackServiceGrpc.FeedbackServiceImplBase {

	private final ScoreService scores;

	FeedbackGrpcService(ScoreService scores) {
		this.scores = scores;
	}

	@Override
	public void getCustomerScores(GetCustomerScoresRequest request, StreamObserver<CustomerScores> response) {
		response.onNext(toProto(scores.of(Caller.current(), request.getCustomerId())));
		response.onCompleted();
	}

	static CustomerScores toProto(com.rapport.feedback.score.CustomerScores scores) {
		CustomerScores.Builder builder = CustomerScores.newBuilder().setCustomerId(scores.customerId())
			.setWindowDays(Math.toIntExact(scores.windowDays())).setWindowFrom(timestamp(scores.windowFrom()))
			.setCsatCount(scores.csat().count()).setPromoters(scores.nps().promoters())
			.setPassives(scores.nps().passives()).setDetractors(scores.nps().detractors())
			.setCesCount(scores.ces().count());
		scores.latestCsat().ifPresent(latest -> builder.setLatestCsat(toProto(latest)));
		scores.latestNps().ifPresent(latest -> builder.setLatestNps(toProto(latest)));
		scores.latestCes().ifPresent(latest -> builder.setLatestCes(toProto(latest)));
		scores.csat().percentBasisPoints().ifPresent(builder::setCsatPercentBp);
		scores.nps().score().ifPresent(builder::setNps);
		scores.ces().averageTenths().ifPresent(builder::setCesAverageTenths);
		scores.ces().easyShareBasisPoints().ifPresent(builder::setCesEasyShareBp);
		return builder.build();
	}

	private static LatestScore toProto(com.rapport.feedback.score.CustomerScores.Latest latest) {
		return LatestScore.newBuilder().setScore(latest.score()).setAnsweredAt(timestamp(latest.answeredAt()))
			.setComment(latest.comment() == null ? "" : latest.comment())
			.setSubjectType(SubjectType.valueOf("SUBJECT_TYPE_" + latest.subjectType().name()))
			.setSubjectId(latest.subjectId() == null ? "" : latest.subjectId()).build();
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}
}
