package com.rapport.portal.remote;

import com.rapport.contracts.ticket.v1.GetTicketFiguresRequest;
import com.rapport.contracts.ticket.v1.TicketFigures;
import com.rapport.contracts.ticket.v1.TicketFiguresServiceGrpc.TicketFiguresServiceBlockingStub;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** ticket-service's figures (resolved tickets by month, the backlog), with the signed-in user's token. */
@Component
public class TicketFiguresClient {

	private final TicketFiguresServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	TicketFiguresClient(TicketFiguresServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** From {@code fromMonth} to {@code toMonth}; {@code customerId} empty: every organisation's (a contact: its own). */
	public TicketFigures figures(String fromMonth, String toMonth, String customerId) {
		return remoteCalls.read(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getTicketFigures(GetTicketFiguresRequest.newBuilder().setFromMonth(fromMonth).setToMonth(toMonth)
				.setCustomerId(customerId == null ? "" : customerId).build()));
	}
}
