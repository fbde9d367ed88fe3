package com.rapport.feedback.customer.grpc;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;
import com.rapport.contracts.customer.v1.Interaction;
import com.rapport.contracts.customer.v1.InteractionKind;
import com.rapport.contracts.customer.v1.RecordInteractionRequest;
import com.rapport.feedback.customer.InteractionRecorder;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends timeline entries to customer-service as this service (role internal), through the circuit breaker
 * and with the channel's deadline. Retried like a read: the receiver keeps one interaction per event id, so a
 * repeat cannot double it.
 */
@Component
class GrpcInteractionRecorder implements InteractionRecorder {

	static final String REMOTE = "customer-service";

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
	public void record(TimelineEntry entry) {
		Interaction interaction = Interaction.newBuilder().setEventId(entry.eventId())
			.setOrganisationId(entry.organisationId())
			.setKind(InteractionKind.valueOf("INTERACTION_KIND_" + entry.kind())).setSource(source)
			.setOccurredAt(Timestamp.newBuilder().setSeconds(entry.occurredAt().getEpochSecond())
				.setNanos(entry.occurredAt().getNano()))
			.setSummary(entry.summary()).setReference(entry.reference()).putAllAttributes(entry.facts())
			.build();
		remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.recordInteraction(RecordInteractionRequest.newBuilder().setInteraction(interaction).build()));
	}
}
