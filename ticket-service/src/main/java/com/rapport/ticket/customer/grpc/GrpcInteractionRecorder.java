package com.rapport.ticket.customer.grpc;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;
import com.rapport.contracts.customer.v1.Interaction;
import com.rapport.contracts.customer.v1.InteractionKind;
import com.rapport.contracts.customer.v1.RecordInteractionRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;
import com.rapport.ticket.customer.InteractionRecorder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends ticket events to customer-service as this service (role internal). Retried like a read: the
 * receiver keeps one interaction per event id, so a repeat cannot double it.
 */
@Component
class GrpcInteractionRecorder implements InteractionRecorder {

	private final CustomerServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	private final String source;

	GrpcInteractionRecorder(CustomerServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens,
			@Value("${spring.application.name}") String source) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
		this.source = source;
	}

	@Override
	public void record(TimelineEntry event) {
		Interaction interaction = Interaction.newBuilder().setEventId(event.eventId())
			.setOrganisationId(event.organisationId())
			.setKind(InteractionKind.valueOf("INTERACTION_KIND_" + event.kind())).setSource(source)
			.setOccurredAt(Timestamp.newBuilder().setSeconds(event.occurredAt().getEpochSecond())
				.setNanos(event.occurredAt().getNano()))
			.setSummary(event.summary()).setReference(event.reference()).putAllAttributes(event.facts())
			.build();
		remoteCalls.read(GrpcCustomerDirectory.REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.recordInteraction(RecordInteractionRequest.newBuilder().setInteraction(interaction).build()));
	}
}
