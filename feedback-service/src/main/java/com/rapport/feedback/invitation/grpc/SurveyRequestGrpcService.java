package com.rapport.feedback.invitation.grpc;

import java.time.Instant;
import java.util.List;

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

/**
 * Survey requests of the other services (role internal only, refused to anyone else before any look-up): for the
 * contact named, or, naming none, for each of the organisation's contacts.
 */
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
		SurveyDue due = new SurveyDue(request.getKind(), request.getSubjectType(), request.getSubjectId(),
				request.getSubjectLabel(), request.getOrganisationId(), request.getContactId(), request.getContactEmail(),
				occurredAt);
		if (!invitations.asked(due)) {
			response.onNext(RequestSurveyResponse.newBuilder()
				.setOutcome(SurveyRequestOutcome.SURVEY_REQUEST_OUTCOME_NOT_ASKED).build());
			response.onCompleted();
			return;
		}
		List<Invitation> decided = request.getContactId().isBlank() && request.getContactEmail().isBlank()
				? invitations.requestOfOrganisation(due) : List.of(invitations.request(due));
		// The CES that may follow the same resolved ticket (the managers' setting); the answer stays the CSAT's.
		invitations.cesAfterTicket(due);
		List<Invitation> invited = decided.stream().filter(i -> i.outcome() == Invitation.Outcome.INVITED).toList();
		Invitation.Outcome outcome = !invited.isEmpty() ? Invitation.Outcome.INVITED
				: decided.isEmpty() ? Invitation.Outcome.NO_CONTACT : decided.get(0).outcome();
		RequestSurveyResponse.Builder answer = RequestSurveyResponse.newBuilder()
			.setOutcome(SurveyRequestOutcome.valueOf("SURVEY_REQUEST_OUTCOME_" + outcome.name()))
			.setInvitedCount(invited.size());
		if (!invited.isEmpty()) {
			answer.setInvitationId(invited.get(0).id());
		}
		response.onNext(answer.build());
		response.onCompleted();
	}
}
