package com.rapport.ticket.ticket.grpc;

import com.rapport.contracts.ticket.v1.MergeTicketRequest;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketMergeServiceGrpc;
import com.rapport.support.security.Caller;
import com.rapport.ticket.ticket.TicketMerge;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** Merging a duplicate into another ticket; the rules are {@link TicketMerge}'s. */
@GrpcService
class TicketMergeGrpcService extends TicketMergeServiceGrpc.TicketMergeServiceImplBase {

	private final TicketMerge merge;

	TicketMergeGrpcService(TicketMerge merge) {
		this.merge = merge;
	}

	@Override
	public void mergeTicket(MergeTicketRequest request, StreamObserver<TicketDetail> response) {
		response.onNext(TicketProtos.detail(merge.merge(Caller.current(), request.getDuplicateId(),
				request.getSurvivorId(), request.getReason())));
		response.onCompleted();
	}
}
