package com.rapport.ticket.ticket.web;

import java.time.Instant;
import java.util.List;

import com.rapport.ticket.ticket.Classification;
import com.rapport.ticket.ticket.OpenTickets;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketMessage;
import com.rapport.ticket.ticket.TicketPage;
import com.rapport.ticket.ticket.TicketView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A ticket as partners read it: never an internal note, never who raised it beyond their contact id (the
 * partner's own key for the person), and the public conversation only when one ticket is read.
 */
@Schema(name = "Ticket")
record TicketJson(String id, String number, String customerId, String subject, String kind, String category,
		String severity, String priority, String status, String channel, String orderNumber, Instant openedAt,
		Instant firstRespondedAt, Instant resolvedAt, Instant closedAt, Instant updatedAt, String slaState,
		Instant firstResponseDue, Instant resolutionDue, boolean firstContactResolution, String contactId,
		List<MessageJson> messages, List<CommitmentJson> commitments) {

	/**
	 * A promise staff made in the ticket that is not kept yet (kind CALL_BACK, FIX, CREDIT_NOTE, OTHER): what, who
	 * keeps it (the name shown), by when, and whether its due time has passed without it being kept.
	 */
	@Schema(name = "TicketCommitment")
	record CommitmentJson(String id, String kind, String what, String ownerName, Instant dueAt, boolean broken) {
	}

	@Schema(name = "TicketMessage")
	record MessageJson(String authorKind, String authorName, String body, Instant at,
			@Schema(description = "The files sent with the message: GET .../attachments/{attachmentId} downloads one")
			List<TicketAttachmentController.AttachmentJson> attachments) {
	}

	@Schema(name = "TicketPage")
	record PageJson(List<TicketJson> items, int page, int size, long total) {
	}

	static TicketJson of(TicketView view) {
		List<MessageJson> messages = view.messages().stream().filter(TicketMessage::isPublic)
			.map(m -> new MessageJson(m.authorKind().name(), m.authorName(), m.body(), m.at(),
					m.attachments().stream().map(TicketAttachmentController.AttachmentJson::of).toList()))
			.toList();
		// Partners are never staff: the view has the open commitments only.
		List<CommitmentJson> commitments = view.commitments().stream()
			.map(c -> new CommitmentJson(c.id(), c.kind().name(), c.what(), c.ownerName(), c.dueAt(),
					c.brokenAt(view.asOf())))
			.toList();
		return of(view.ticket(), view.slaState().name(), messages, commitments);
	}

	static PageJson of(TicketPage page) {
		return new PageJson(page.tickets().stream().map(TicketJson::listed).toList(), page.page(), page.pageSize(),
				page.total());
	}

	private static TicketJson listed(OpenTickets.OpenTicket ticket) {
		return of(ticket.ticket(), ticket.state().name(), null, null);
	}

	private static TicketJson of(Ticket ticket, String slaState, List<MessageJson> messages,
			List<CommitmentJson> commitments) {
		Classification about = ticket.classification() != null ? ticket.classification()
				: new Classification(null, null, null, null);
		return new TicketJson(ticket.id(), ticket.number(), ticket.customerId(), ticket.subject(), ticket.kind().name(),
				name(about.category()), name(about.severity()), ticket.priority().name(), ticket.status().name(),
				ticket.channel().name(), about.orderNumber(), ticket.openedAt(), ticket.firstRespondedAt(),
				ticket.resolvedAt(), ticket.closedAt(), ticket.lastChangedAt(), slaState, ticket.sla().firstResponseDue(),
				ticket.sla().resolutionDue(), ticket.firstContactResolution(), ticket.requester().contactId(), messages,
				commitments);
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}
}
