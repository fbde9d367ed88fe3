package com.rapport.ticket.facts.grpc;

import com.rapport.contracts.ticket.v1.ListOpenTicketFactsRequest;
import com.rapport.contracts.ticket.v1.ListOpenTicketFactsResponse;
import com.rapport.contracts.ticket.v1.OpenTicketFacts;
import com.rapport.contracts.ticket.v1.TicketFactsServiceGrpc;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The open-ticket counts of a page of organisations (customer-service's growth recompute; services alone). */
@GrpcService
class TicketFactsGrpcService extends TicketFactsServiceGrpc.TicketFactsServiceImplBase {

	private final com.rapport.ticket.facts.OpenTicketFacts facts;

	TicketFactsGrpcService(com.rapport.ticket.facts.OpenTicketFacts facts) {
		this.facts = facts;
	}

	@Override
	public void listOpenTicketFacts(ListOpenTicketFactsRequest request,
			StreamObserver<ListOpenTicketFactsResponse> response) {
		ListOpenTicketFactsResponse.Builder answer = ListOpenTicketFactsResponse.newBuilder();
		facts.of(Caller.current(), request.getCustomerIdsList()).forEach(c -> answer.addCustomers(OpenTicketFacts
			.newBuilder().setCustomerId(c.customerId()).setOpenCount(c.open()).setOpenComplaints(c.complaints())
			.setBreachedCount(c.breached())));
		response.onNext(answer.build());
		response.onCompleted();
	}
}
