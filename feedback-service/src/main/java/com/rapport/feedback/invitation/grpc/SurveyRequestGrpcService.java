package com.rapport.feedback.invitation.grpc;

import java.time.Instant;

import com.rapport.contracts.feedback.v1.RequestSurveyRequest;
import com.rapport.contracts.feedback.v1.RequestSurveyResponse;
import com.rapport.contracts.feedback.v1.SurveyRequestOutcome;
import com.rapport.contracts.feedback.v1.SurveyRequestServiceGrpc;
import com.rapport.feedback.invitation.Invitation;
import com.rapport.feedback.invitation.Invitations;
import com.rapport.feedback.invitation.SurveyDue;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;
import org.springframework.security.access.AccessDeniedException;

/** Survey requests of the other services (role internal only, refused to anyone else before any look-up). */
@GrpcService
class SurveyRequestGrpcService extends SurveyRequestServiceGrpc.SurveyRequestServiceImplBase {

	private final Invitations invitations;

	SurveyRequestGrpcService(Invitations invitations) {
		this.invitations = invitations;
	}

	@Override
	public void requestSurvey(RequestSurveyRequest request, StreamObserver<RequestSurveyResponse> response) {
		if (!Caller.current().hasRole(Caller.INTERNAL)) {
			throw new AccessDeniedException("Survey requests are for the other services");
		}
		Instant occurredAt = request.hasOccurredAt() ? Instant.ofEpochSecond(request.getOccurredAt().getSeconds(),
				request.getOccurredAt().getNanos()) : null;
		Invitation decided = invitations.request(new SurveyDue(request.getKind(), request.getSubjectType(),
				request.getSubjectId(), request.getSubjectLabel(), request.getOrganisationId(), request.getContactId(),
				request.getContactEmail(), occurredAt));
		RequestSurveyResponse.Builder answer = RequestSurveyResponse.newBuilder()
			.setOutcome(SurveyRequestOutcome.valueOf("SURVEY_REQUEST_OUTCOME_" + decided.outcome().name()));
		if (decided.outcome() == Invitation.Outcome.INVITED) {
			answer.setInvitationId(decided.id());
		}
		response.onNext(answer.build());
		response.onCompleted();
	}
}
