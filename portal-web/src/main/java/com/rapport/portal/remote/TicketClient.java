package com.rapport.portal.remote;

import com.rapport.contracts.ticket.v1.ListOpenTicketsRequest;
import com.rapport.contracts.ticket.v1.ListOpenTicketsResponse;
import com.rapport.contracts.ticket.v1.TicketServiceGrpc.TicketServiceBlockingStub;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** Tickets from ticket-service; it decides what the signed-in user may see (requesters for staff only). */
@Component
public class TicketClient {

	static final String REMOTE = "ticket-service";

	private final TicketServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	TicketClient(TicketServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/**
	 * The organisation's open tickets, most urgent first, with their SLA state and the counts of open, breached
	 * and at-risk ones (staff may ask for any organisation; a customer always gets its own).
	 */
	public ListOpenTicketsResponse openTickets(String customerId, int pageSize) {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listOpenTickets(ListOpenTicketsRequest.newBuilder().setCustomerId(customerId).setPageSize(pageSize).build()));
	}
}
