package com.rapport.portal.remote;

import java.util.List;

import com.rapport.contracts.ticket.v1.BusinessCalendar;
import com.rapport.contracts.ticket.v1.ListBusinessCalendarsRequest;
import com.rapport.contracts.ticket.v1.ListSlaPoliciesRequest;
import com.rapport.contracts.ticket.v1.SaveBusinessCalendarRequest;
import com.rapport.contracts.ticket.v1.SaveSlaPolicyRequest;
import com.rapport.contracts.ticket.v1.SlaPolicy;
import com.rapport.contracts.ticket.v1.TicketSlaSettingsServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketSlaSettingsServiceGrpc.TicketSlaSettingsServiceBlockingStub;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * ticket-service's SLA policies and business calendars with the signed-in user's token: staff read them, managers
 * and admins change them; ticket-service decides, validates and audits. Saves are never retried.
 */
@Component
public class SlaSettingsClient {

	private final TicketSlaSettingsServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	SlaSettingsClient(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = TicketSlaSettingsServiceGrpc.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** The 12 policies in force (tier x priority). */
	public List<SlaPolicy> policies() {
		return remoteCalls.read(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listSlaPolicies(ListSlaPoliciesRequest.getDefaultInstance())).getPoliciesList();
	}

	/** Every calendar, the standard one first. */
	public List<BusinessCalendar> calendars() {
		return remoteCalls.read(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listBusinessCalendars(ListBusinessCalendarsRequest.getDefaultInstance())).getCalendarsList();
	}

	public SlaPolicy save(SlaPolicy policy) {
		return remoteCalls.write(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.saveSlaPolicy(SaveSlaPolicyRequest.newBuilder().setPolicy(policy).build()));
	}

	public BusinessCalendar save(BusinessCalendar calendar) {
		return remoteCalls.write(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.saveBusinessCalendar(SaveBusinessCalendarRequest.newBuilder().setCalendar(calendar).build()));
	}
}
