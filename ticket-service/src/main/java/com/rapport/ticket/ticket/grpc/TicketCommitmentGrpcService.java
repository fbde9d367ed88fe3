package com.rapport.ticket.ticket.grpc;

import java.time.Clock;
import java.time.Instant;

import com.rapport.contracts.ticket.v1.CancelCommitmentRequest;
import com.rapport.contracts.ticket.v1.Commitment;
import com.rapport.contracts.ticket.v1.KeepCommitmentRequest;
import com.rapport.contracts.ticket.v1.RecordCommitmentRequest;
import com.rapport.contracts.ticket.v1.TicketCommitmentServiceGrpc;
import com.rapport.support.security.Caller;
import com.rapport.ticket.ticket.TicketCommitments;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** Commitments made in tickets; the rules are {@link TicketCommitments}'. Answers staff's view of a commitment. */
@GrpcService
class TicketCommitmentGrpcService extends TicketCommitmentServiceGrpc.TicketCommitmentServiceImplBase {

	private final TicketCommitments commitments;

	private final Clock clock;

	TicketCommitmentGrpcService(TicketCommitments commitments, Clock clock) {
		this.commitments = commitments;
		this.clock = clock;
	}

	@Override
	public void recordCommitment(RecordCommitmentRequest request, StreamObserver<Commitment> response) {
		Caller caller = Caller.current();
		com.rapport.ticket.ticket.Commitment.Kind kind = TicketProtos.domain(request.getKind(),
				com.rapport.ticket.ticket.Commitment.Kind.class, "kind");
		Instant due = request.hasDueAt()
				? Instant.ofEpochSecond(request.getDueAt().getSeconds(), request.getDueAt().getNanos()) : null;
		answer(response, commitments.record(caller, new TicketCommitments.NewCommitment(request.getTicketId(), kind,
				request.getWhat(), request.getOwnerId(), request.getOwnerName(), due)));
	}

	@Override
	public void keepCommitment(KeepCommitmentRequest request, StreamObserver<Commitment> response) {
		answer(response, commitments.keep(Caller.current(), request.getTicketId(), request.getCommitmentId()));
	}

	@Override
	public void cancelCommitment(CancelCommitmentRequest request, StreamObserver<Commitment> response) {
		answer(response, commitments.cancel(Caller.current(), request.getTicketId(), request.getCommitmentId(),
				request.getReason()));
	}

	private void answer(StreamObserver<Commitment> response, com.rapport.ticket.ticket.Commitment commitment) {
		response.onNext(TicketProtos.commitment(commitment, true, clock.instant()));
		response.onCompleted();
	}
}
