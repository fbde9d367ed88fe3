package com.rapport.ticket.feedback.grpc;

import java.time.Instant;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.feedback.v1.RequestSurveyRequest;
import com.rapport.contracts.feedback.v1.SurveyRequestServiceGrpc;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;
import com.rapport.ticket.feedback.SurveyRequests;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * feedback-service's {@code SurveyRequestService/RequestSurvey}, asked as this service (role internal) on channel
 * {@code feedback-service}, through its circuit breaker and with the channel's deadline. The call is idempotent by
 * subject, so the relay's repeats are safe.
 */
@Component
class GrpcSurveyRequests implements SurveyRequests {

	static final String REMOTE = "feedback-service";

	private final SurveyRequestServiceGrpc.SurveyRequestServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	GrpcSurveyRequests(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = SurveyRequestServiceGrpc.newBlockingStub(channels.createChannel(REMOTE));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	@Override
	public void csatDue(String ticketId, String number, String organisationId, String contactId, String email,
			Instant resolvedAt) {
		RequestSurveyRequest request = RequestSurveyRequest.newBuilder().setKind("CSAT").setSubjectType("TICKET")
			.setSubjectId(ticketId).setSubjectLabel(text(number)).setOrganisationId(organisationId)
			.setContactId(text(contactId)).setContactEmail(text(email))
			.setOccurredAt(Timestamp.newBuilder().setSeconds(resolvedAt.getEpochSecond()).setNanos(resolvedAt.getNano()))
			.build();
		remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.asService()).requestSurvey(request));
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
