package com.rapport.ticket.ticket.grpc;

import com.rapport.contracts.ticket.v1.ListOpenTicketsRequest;
import com.rapport.contracts.ticket.v1.ListOpenTicketsResponse;
import com.rapport.contracts.ticket.v1.TicketServiceGrpc;
import com.rapport.support.security.Caller;
import com.rapport.ticket.ticket.OpenTickets;
import com.rapport.ticket.ticket.TicketService;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** Open tickets with their SLA state for portal-web; who may see what is the ticket service's decision. */
@GrpcService
class TicketGrpcService extends TicketServiceGrpc.TicketServiceImplBase {

	private final TicketService tickets;

	TicketGrpcService(TicketService tickets) {
		this.tickets = tickets;
	}

	@Override
	public void listOpenTickets(ListOpenTicketsRequest request, StreamObserver<ListOpenTicketsResponse> response) {
		OpenTickets open = tickets.openTickets(Caller.current(), request.getCustomerId(), request.getPageSize());
		ListOpenTicketsResponse.Builder answer = ListOpenTicketsResponse.newBuilder().setOpenCount(open.openCount())
			.setBreachedCount(open.breachedCount()).setAtRiskCount(open.atRiskCount());
		open.tickets().forEach(ticket -> answer.addTickets(TicketProtos.ticket(ticket, open.requesterVisible())));
		response.onNext(answer.build());
		response.onCompleted();
	}
}
