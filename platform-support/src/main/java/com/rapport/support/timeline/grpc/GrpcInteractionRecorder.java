package com.rapport.support.timeline.grpc;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.TimelineServiceGrpc.TimelineServiceBlockingStub;
import com.rapport.contracts.customer.v1.Interaction;
import com.rapport.contracts.customer.v1.InteractionKind;
import com.rapport.contracts.customer.v1.RecordInteractionRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;
import com.rapport.support.timeline.InteractionRecorder;

/**
 * Sends timeline entries to customer-service as this service (its own client-credentials token, role
 * internal), through the {@value #REMOTE} circuit breaker and with the channel's deadline. Retried like a
 * read: the receiver keeps one interaction per event id, so a repeat cannot double it.
 */
public class GrpcInteractionRecorder implements InteractionRecorder {

	/** The channel and the circuit breaker (and retry) of the calls to customer-service. */
	public static final String REMOTE = "customer-service";

	private final TimelineServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	private final String source;

	/** @param source this service's name, shown as the entry's source */
	public GrpcInteractionRecorder(TimelineServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens,
			String source) {
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
			.setSummaryCode(entry.summaryCode() == null ? "" : entry.summaryCode()).addAllSummaryArgs(entry.summaryArgs())
			.build();
		remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.recordInteraction(RecordInteractionRequest.newBuilder().setInteraction(interaction).build()));
	}
}
