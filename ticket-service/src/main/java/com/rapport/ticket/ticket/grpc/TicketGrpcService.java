package com.rapport.ticket.ticket.grpc;

import java.time.Instant;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ticket.v1.ListOpenTicketsRequest;
import com.rapport.contracts.ticket.v1.ListOpenTicketsResponse;
import com.rapport.contracts.ticket.v1.SlaState;
import com.rapport.contracts.ticket.v1.SlaTier;
import com.rapport.contracts.ticket.v1.Ticket;
import com.rapport.contracts.ticket.v1.TicketChannel;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TicketPriority;
import com.rapport.contracts.ticket.v1.TicketServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketStatus;
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
		open.tickets().forEach(ticket -> answer.addTickets(toProto(ticket, open.requesterVisible())));
		response.onNext(answer.build());
		response.onCompleted();
	}

	static Ticket toProto(OpenTickets.OpenTicket open, boolean requesterVisible) {
		var ticket = open.ticket();
		Ticket.Builder builder = Ticket.newBuilder().setId(ticket.id()).setNumber(ticket.number())
			.setCustomerId(ticket.customerId()).setSubject(ticket.subject())
			.setKind(TicketKind.valueOf("TICKET_KIND_" + ticket.kind().name()))
			.setPriority(TicketPriority.valueOf("TICKET_PRIORITY_" + ticket.priority().name()))
			.setStatus(TicketStatus.valueOf("TICKET_STATUS_" + ticket.status().name()))
			.setChannel(TicketChannel.valueOf("TICKET_CHANNEL_" + ticket.channel().name()))
			.setOpenedAt(timestamp(ticket.openedAt()))
			.setTier(SlaTier.valueOf("SLA_TIER_" + ticket.tier().name())).setTierAssumed(ticket.tierAssumed())
			.setFirstResponseDue(timestamp(ticket.sla().firstResponseDue()))
			.setResolutionDue(timestamp(ticket.sla().resolutionDue()))
			.setSlaState(SlaState.valueOf("SLA_STATE_" + open.state().name()))
			.setAssignee(ticket.assignee() == null ? "" : ticket.assignee())
			.setRequesterErased(ticket.requester().erased());
		if (ticket.firstRespondedAt() != null) {
			builder.setFirstRespondedAt(timestamp(ticket.firstRespondedAt()));
		}
		if (requesterVisible) {
			builder.setRequesterName(orEmpty(ticket.requester().name()))
				.setRequesterEmail(orEmpty(ticket.requester().email()));
		}
		return builder.build();
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}
}
