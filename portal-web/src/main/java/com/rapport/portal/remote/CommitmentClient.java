package com.rapport.portal.remote;

import java.time.Instant;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ticket.v1.CancelCommitmentRequest;
import com.rapport.contracts.ticket.v1.Commitment;
import com.rapport.contracts.ticket.v1.CommitmentKind;
import com.rapport.contracts.ticket.v1.KeepCommitmentRequest;
import com.rapport.contracts.ticket.v1.RecordCommitmentRequest;
import com.rapport.contracts.ticket.v1.TicketCommitmentServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketCommitmentServiceGrpc.TicketCommitmentServiceBlockingStub;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * ticket-service's commitments (promises made in a ticket) with the signed-in user's token: staff record, keep and
 * cancel them; ticket-service decides, validates and audits. Writes are never retried.
 */
@Component
public class CommitmentClient {

	private final TicketCommitmentServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	CommitmentClient(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = TicketCommitmentServiceGrpc.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** Records a promise; {@code ownerId} empty: the caller keeps it. {@code dueAt} null is left for ticket-service to refuse. */
	public Commitment record(String ticketId, CommitmentKind kind, String what, String ownerId, String ownerName,
			Instant dueAt) {
		RecordCommitmentRequest.Builder request = RecordCommitmentRequest.newBuilder().setTicketId(ticketId)
			.setKind(kind).setWhat(what).setOwnerId(ownerId).setOwnerName(ownerName);
		if (dueAt != null) {
			request.setDueAt(Timestamp.newBuilder().setSeconds(dueAt.getEpochSecond()).setNanos(dueAt.getNano()));
		}
		return remoteCalls.write(TicketClient.REMOTE,
				() -> stub.withCallCredentials(tokens.forCurrentCaller()).recordCommitment(request.build()));
	}

	public Commitment keep(String ticketId, String commitmentId) {
		return remoteCalls.write(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.keepCommitment(KeepCommitmentRequest.newBuilder().setTicketId(ticketId).setCommitmentId(commitmentId)
				.build()));
	}

	public Commitment cancel(String ticketId, String commitmentId, String reason) {
		return remoteCalls.write(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.cancelCommitment(CancelCommitmentRequest.newBuilder().setTicketId(ticketId).setCommitmentId(commitmentId)
				.setReason(reason).build()));
	}
}
