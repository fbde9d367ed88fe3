package com.rapport.ticket.ticket.grpc;

import com.rapport.contracts.ticket.v1.AssigneeFilter;
import com.rapport.contracts.ticket.v1.ListTicketsRequest;
import com.rapport.contracts.ticket.v1.ListTicketsResponse;
import com.rapport.contracts.ticket.v1.TicketQueueServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketSort;
import com.rapport.contracts.ticket.v1.TicketStateFilter;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.grpc.PageTokens;
import com.rapport.support.security.Caller;
import com.rapport.ticket.sla.SlaState;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.Channel;
import com.rapport.ticket.ticket.TicketPage;
import com.rapport.ticket.ticket.TicketQuery;
import com.rapport.ticket.ticket.TicketQueue;
import com.rapport.ticket.ticket.TicketStatus;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The console's queue and an organisation's tickets in the portal; the rules are {@link TicketQueue}'s. */
@GrpcService
class TicketQueueGrpcService extends TicketQueueServiceGrpc.TicketQueueServiceImplBase {

	private final TicketQueue queue;

	TicketQueueGrpcService(TicketQueue queue) {
		this.queue = queue;
	}

	@Override
	public void listTickets(ListTicketsRequest request, StreamObserver<ListTicketsResponse> response) {
		Boolean open = switch (request.getState()) {
			case TICKET_STATE_FILTER_OPEN -> true;
			case TICKET_STATE_FILTER_CLOSED -> false;
			case TICKET_STATE_FILTER_UNSPECIFIED -> null;
			default -> throw new IllegalArgumentException("Unknown value of state");
		};
		TicketQuery.AssigneeFilter assignee = switch (request.getAssignee()) {
			case ASSIGNEE_FILTER_ME -> TicketQuery.AssigneeFilter.ME;
			case ASSIGNEE_FILTER_UNASSIGNED -> TicketQuery.AssigneeFilter.UNASSIGNED;
			case ASSIGNEE_FILTER_UNSPECIFIED -> TicketQuery.AssigneeFilter.ANY;
			default -> throw new IllegalArgumentException("Unknown value of assignee");
		};
		TicketQuery.Sort sort = switch (request.getSort()) {
			case TICKET_SORT_MOST_URGENT -> TicketQuery.Sort.MOST_URGENT;
			case TICKET_SORT_NEWEST -> TicketQuery.Sort.NEWEST;
			case TICKET_SORT_UNSPECIFIED -> null;
			default -> throw new IllegalArgumentException("Unknown value of sort");
		};
		// Lists newest first are paged by number (PageTokens); the queue by its own cursor (opaque to this layer).
		String token = request.getPageToken();
		boolean numbered = isPageNumber(token);
		TicketQuery query = new TicketQuery(request.getCustomerId(), open,
				TicketProtos.domain(request.getStatusesList(), TicketStatus.class, "statuses"), assignee,
				request.getAssigneeId(), TicketProtos.domain(request.getSlaStatesList(), SlaState.class, "sla_states"),
				TicketProtos.domain(request.getTiersList(), Tier.class, "tiers"),
				TicketProtos.domain(request.getChannelsList(), Channel.class, "channels"), request.getPageSize(),
				numbered ? PageTokens.page(token) : 0, numbered ? "" : token, sort, request.getPromisesDue());
		TicketPage page = queue.list(Caller.current(), query);
		String next = page.nextPageToken() != null ? page.nextPageToken()
				: page.more() ? PageTokens.of(page.page() + 1) : "";
		ListTicketsResponse.Builder answer = ListTicketsResponse.newBuilder()
			.setNextPageToken(next)
			.setTotalCount(page.total())
			.setPromisesDueCount(page.promisesDueCount());
		page.tickets().forEach(ticket -> {
			com.rapport.contracts.ticket.v1.Ticket.Builder listed = TicketProtos
				.ticket(ticket, page.requesterVisible()).toBuilder();
			if (page.promiseDue(ticket.ticket())) {
				listed.setPromiseDueAt(TicketProtos.timestamp(ticket.ticket().queue().promiseDueAt()));
			}
			answer.addTickets(listed);
		});
		response.onNext(answer.build());
		response.onCompleted();
	}

	/** Whether the token is a page number's ({@link PageTokens#of}); any other is the queue's to read. */
	private static boolean isPageNumber(String token) {
		if (token.isEmpty()) {
			return false;
		}
		try {
			PageTokens.page(token);
			return true;
		}
		catch (UnprocessableException ex) {
			return false;
		}
	}
}
