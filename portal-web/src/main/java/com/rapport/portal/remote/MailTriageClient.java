package com.rapport.portal.remote;

import com.rapport.contracts.ticket.v1.DiscardTriageMailRequest;
import com.rapport.contracts.ticket.v1.ListTriageMailsRequest;
import com.rapport.contracts.ticket.v1.ListTriageMailsResponse;
import com.rapport.contracts.ticket.v1.OpenTicketFromMailRequest;
import com.rapport.contracts.ticket.v1.OpenTicketFromMailResponse;
import com.rapport.contracts.ticket.v1.TicketMailTriageServiceGrpc.TicketMailTriageServiceBlockingStub;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/**
 * The support mailbox's triage in ticket-service, with the signed-in user's token; it decides who may work it
 * (staff) and audits each decision.
 */
@Component
public class MailTriageClient {

	private final TicketMailTriageServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	MailTriageClient(TicketMailTriageServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** The mails waiting, oldest first. */
	public ListTriageMailsResponse waiting() {
		return remoteCalls.read(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listTriageMails(ListTriageMailsRequest.getDefaultInstance()));
	}

	/** Opens a ticket from the waiting mail; asked again for the same mail it opens nothing more. */
	public OpenTicketFromMailResponse openTicket(OpenTicketFromMailRequest request) {
		return remoteCalls.write(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.openTicketFromMail(request));
	}

	public void discard(String mailId) {
		remoteCalls.write(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.discardTriageMail(DiscardTriageMailRequest.newBuilder().setMailId(mailId).build()));
	}
}
