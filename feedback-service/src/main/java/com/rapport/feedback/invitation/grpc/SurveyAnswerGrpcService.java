package com.rapport.feedback.invitation.grpc;

import com.rapport.contracts.feedback.v1.AnswerSurveyRequest;
import com.rapport.contracts.feedback.v1.CommentSurveyRequest;
import com.rapport.contracts.feedback.v1.SurveyAnswerOutcome;
import com.rapport.contracts.feedback.v1.SurveyAnswerResult;
import com.rapport.contracts.feedback.v1.SurveyAnswerServiceGrpc;
import com.rapport.feedback.invitation.SurveyAnswers;
import com.rapport.feedback.template.SurveyQuestions;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;
import org.springframework.security.access.AccessDeniedException;

/**
 * Answers through a survey link, for portal-web's public survey pages (it calls as itself, role internal; the
 * link's token is the contact's credential). Refused to everyone else before any look-up.
 */
@GrpcService
class SurveyAnswerGrpcService extends SurveyAnswerServiceGrpc.SurveyAnswerServiceImplBase {

	private final SurveyAnswers answers;

	private final SurveyQuestions questions;

	SurveyAnswerGrpcService(SurveyAnswers answers, SurveyQuestions questions) {
		this.answers = answers;
		this.questions = questions;
	}

	@Override
	public void answerSurvey(AnswerSurveyRequest request, StreamObserver<SurveyAnswerResult> response) {
		servicesOnly();
		response.onNext(toProto(answers.answer(request.getToken(), request.getScore()), questions));
		response.onCompleted();
	}

	@Override
	public void commentSurvey(CommentSurveyRequest request, StreamObserver<SurveyAnswerResult> response) {
		servicesOnly();
		response.onNext(toProto(answers.comment(request.getToken(), request.getComment()), questions));
		response.onCompleted();
	}

	private static void servicesOnly() {
		if (!Caller.current().hasRole(Caller.INTERNAL)) {
			throw new AccessDeniedException("Survey answers come through portal-web");
		}
	}

	static SurveyAnswerResult toProto(SurveyAnswers.Result result, SurveyQuestions questions) {
		SurveyAnswerResult.Builder builder = SurveyAnswerResult.newBuilder()
			.setOutcome(SurveyAnswerOutcome.valueOf("SURVEY_ANSWER_OUTCOME_" + result.outcome().name()))
			.setScore(result.score());
		if (result.invitation() != null) {
			builder.setLanguage("zh-CN".equals(result.invitation().language()) ? "zh-CN" : "en")
				.setSubjectLabel(text(result.invitation().subjectLabel()))
				.setKind(result.invitation().kind())
				.setQuestion(SurveyQuestionProto.of(questions, questions.current(), result.invitation()));
		}
		return builder.build();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
