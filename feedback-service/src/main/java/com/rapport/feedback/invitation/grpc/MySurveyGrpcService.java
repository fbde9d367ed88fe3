package com.rapport.feedback.invitation.grpc;

import java.time.Instant;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.feedback.v1.AnswerMySurveyRequest;
import com.rapport.contracts.feedback.v1.CommentMySurveyRequest;
import com.rapport.contracts.feedback.v1.ListMySurveysRequest;
import com.rapport.contracts.feedback.v1.ListMySurveysResponse;
import com.rapport.contracts.feedback.v1.MySurvey;
import com.rapport.contracts.feedback.v1.MySurveyServiceGrpc;
import com.rapport.contracts.feedback.v1.SurveyAnswerResult;
import com.rapport.feedback.invitation.Invitation;
import com.rapport.feedback.invitation.MySurveys;
import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.template.SurveyQuestions;
import com.rapport.feedback.template.SurveyTemplates;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;
import org.springframework.security.access.AccessDeniedException;

/** The signed-in contact's own surveys, for the portal's Surveys page (customers only, refused to anyone else first). */
@GrpcService
class MySurveyGrpcService extends MySurveyServiceGrpc.MySurveyServiceImplBase {

	private final MySurveys surveys;

	private final SurveyQuestions questions;

	MySurveyGrpcService(MySurveys surveys, SurveyQuestions questions) {
		this.surveys = surveys;
		this.questions = questions;
	}

	@Override
	public void listMySurveys(ListMySurveysRequest request, StreamObserver<ListMySurveysResponse> response) {
		MySurveys.Listing listing = surveys.list(customer());
		ListMySurveysResponse.Builder answer = ListMySurveysResponse.newBuilder();
		// One read of the templates for the whole list.
		SurveyTemplates templates = questions.current();
		listing.open().forEach(mine -> answer.addOpen(toProto(mine, templates)));
		listing.answered().forEach(mine -> answer.addAnswered(toProto(mine, templates)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void answerMySurvey(AnswerMySurveyRequest request, StreamObserver<SurveyAnswerResult> response) {
		response.onNext(SurveyAnswerGrpcService.toProto(
				surveys.answer(customer(), request.getInvitationId(), request.getScore()), questions));
		response.onCompleted();
	}

	@Override
	public void commentMySurvey(CommentMySurveyRequest request, StreamObserver<SurveyAnswerResult> response) {
		response.onNext(SurveyAnswerGrpcService.toProto(
				surveys.comment(customer(), request.getInvitationId(), request.getComment()), questions));
		response.onCompleted();
	}

	private static Caller customer() {
		Caller caller = Caller.current();
		if (!caller.isCustomer()) {
			throw new AccessDeniedException("Only a customer contact has surveys of their own");
		}
		return caller;
	}

	private MySurvey toProto(MySurveys.Mine mine, SurveyTemplates templates) {
		Invitation invitation = mine.invitation();
		SurveyKind kind = SurveyKind.valueOf(invitation.kind());
		MySurvey.Builder survey = MySurvey.newBuilder().setInvitationId(invitation.id()).setKind(invitation.kind())
			.setSubjectType(invitation.subjectType()).setSubjectId(invitation.subjectId() == null ? "" : invitation.subjectId())
			.setSubjectLabel(invitation.subjectLabel() == null ? "" : invitation.subjectLabel())
			.setScaleMin(kind.min()).setScaleMax(kind.max())
			.setQuestion(SurveyQuestionProto.of(questions, templates, invitation));
		if (invitation.invitedAt() != null) {
			survey.setInvitedAt(timestamp(invitation.invitedAt()));
		}
		if (invitation.expiresAt() != null) {
			survey.setExpiresAt(timestamp(invitation.expiresAt()));
		}
		if (mine.answer() != null) {
			survey.setAnsweredAt(timestamp(mine.answer().answeredAt())).setScore(mine.answer().score())
				.setComment(mine.answer().comment() == null ? "" : mine.answer().comment());
		}
		return survey.build();
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}
}
