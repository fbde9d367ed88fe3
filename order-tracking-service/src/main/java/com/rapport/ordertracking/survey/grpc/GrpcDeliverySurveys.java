package com.rapport.ordertracking.survey.grpc;

import java.time.Instant;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.feedback.v1.RequestSurveyRequest;
import com.rapport.contracts.feedback.v1.SurveyRequestServiceGrpc;
import com.rapport.ordertracking.survey.DeliverySurveys;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * feedback-service's {@code SurveyRequestService/RequestSurvey} (kind CES, subject ORDER, no contact: feedback-service
 * asks the organisation's consenting contacts), as this service (role internal) on channel {@code feedback-service},
 * through its circuit breaker and with the channel's deadline. Idempotent by order, so the relay's repeats are safe.
 */
@Component
class GrpcDeliverySurveys implements DeliverySurveys {

	static final String REMOTE = "feedback-service";

	private final SurveyRequestServiceGrpc.SurveyRequestServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	GrpcDeliverySurveys(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = SurveyRequestServiceGrpc.newBlockingStub(channels.createChannel(REMOTE));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	@Override
	public void delivered(String orderId, String orderNumber, String organisationId, Instant deliveredAt) {
		RequestSurveyRequest request = RequestSurveyRequest.newBuilder().setKind("CES").setSubjectType("ORDER")
			.setSubjectId(orderId).setSubjectLabel(orderNumber == null ? "" : orderNumber)
			.setOrganisationId(organisationId)
			.setOccurredAt(Timestamp.newBuilder().setSeconds(deliveredAt.getEpochSecond()).setNanos(deliveredAt.getNano()))
			.build();
		remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.asService()).requestSurvey(request));
	}
}
