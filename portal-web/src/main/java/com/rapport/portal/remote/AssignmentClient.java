package com.rapport.portal.remote;

import java.util.List;

import com.rapport.contracts.ticket.v1.BulkAssignRequest;
import com.rapport.contracts.ticket.v1.BulkAssignResult;
import com.rapport.contracts.ticket.v1.ListTeamsRequest;
import com.rapport.contracts.ticket.v1.SaveTeamRequest;
import com.rapport.contracts.ticket.v1.SupportTeam;
import com.rapport.contracts.ticket.v1.TicketAssignmentServiceGrpc.TicketAssignmentServiceBlockingStub;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/**
 * ticket-service's support teams and bulk assignment, with the signed-in user's token; it decides who may (staff
 * read teams and bulk-assign, managers keep teams), validates and audits.
 */
@Component
public class AssignmentClient {

	private final TicketAssignmentServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	AssignmentClient(TicketAssignmentServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** Every team by id, each agent with their open tickets. */
	public List<SupportTeam> teams() {
		return remoteCalls.read(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listTeams(ListTeamsRequest.getDefaultInstance())).getTeamsList();
	}

	public SupportTeam save(SupportTeam team) {
		return remoteCalls.write(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.saveTeam(SaveTeamRequest.newBuilder().setTeam(team).build()));
	}

	/** Each ticket's outcome, in the order asked. */
	public List<BulkAssignResult> bulkAssign(BulkAssignRequest request) {
		return remoteCalls.write(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.bulkAssign(request)).getResultsList();
	}
}
