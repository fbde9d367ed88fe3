package com.rapport.feedback.followup.grpc;

import java.util.ArrayList;
import java.util.List;

import com.rapport.contracts.ticket.v1.ComplaintSeverity;
import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketChannel;
import com.rapport.contracts.ticket.v1.TicketIntakeServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TicketPriority;
import com.rapport.feedback.followup.TicketDesk;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * ticket-service's {@code TicketIntakeService/OpenTicket}, asked as this service (role internal) on channel
 * {@code ticket-service} with the follow-up's idempotency key, through its circuit breaker and with the channel's
 * deadline. The follow-up is a high-priority complaint of the organisation about the quality of the service,
 * raised by the contact who answered (channel EMAIL: the survey came by mail); its text is for the supplier's staff.
 */
@Component
class GrpcTicketDesk implements TicketDesk {

	static final String REMOTE = "ticket-service";

	private final TicketIntakeServiceGrpc.TicketIntakeServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	GrpcTicketDesk(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = TicketIntakeServiceGrpc.newBlockingStub(channels.createChannel(REMOTE));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	@Override
	public String openFollowUp(FollowUpTicket ticket, String key) {
		String about = switch (ticket.subjectType()) {
			case "TICKET" -> "ticket " + ticket.subjectId();
			case "ORDER" -> "order " + ticket.subjectId();
			default -> "the relationship";
		};
		List<String> body = new ArrayList<>();
		body.add("A contact answered " + ticket.survey() + " " + ticket.score() + "/" + ticket.scaleMax() + " about "
				+ about + ". Please call them back.");
		body.add(ticket.comment() == null ? "No comment was given." : "Their comment: " + ticket.comment());
		if (ticket.reason() != null) {
			body.add("Why a follow-up: " + ticket.reason() + ".");
		}
		OpenTicketRequest request = OpenTicketRequest.newBuilder().setCustomerId(ticket.organisationId())
			.setSubject("Follow-up: " + ticket.survey() + " " + ticket.score() + "/" + ticket.scaleMax() + " on " + about)
			.setBody(String.join("\n\n", body))
			.setKind(TicketKind.TICKET_KIND_COMPLAINT)
			.setCategory(TicketCategory.TICKET_CATEGORY_QUALITY)
			.setSeverity(ComplaintSeverity.COMPLAINT_SEVERITY_MAJOR)
			.setPriority(TicketPriority.TICKET_PRIORITY_HIGH)
			// A call back, to the contact who answered: ticket-service asks an email ticket for the requester's
			// address, which the answer does not carry (every follow-up was refused as an email ticket).
			.setChannel(TicketChannel.TICKET_CHANNEL_PHONE)
			.setContactId(ticket.contactId() == null ? "" : ticket.contactId())
			.setIdempotencyKey(key)
			.build();
		return remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.asService()).openTicket(request))
			.getTicket()
			.getNumber();
	}
}
