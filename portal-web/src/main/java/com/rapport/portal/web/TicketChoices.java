package com.rapport.portal.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.rapport.contracts.ticket.v1.ComplaintSeverity;
import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketChannel;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TicketPriority;
import com.rapport.contracts.ticket.v1.TicketTransition;

/**
 * The values a ticket form offers, and reading a posted one back: an unknown value reads as not chosen, and
 * ticket-service then names the field (never an error page).
 */
public final class TicketChoices {

	public static final List<TicketKind> KINDS = List.of(TicketKind.TICKET_KIND_REQUEST, TicketKind.TICKET_KIND_COMPLAINT);

	public static final List<TicketCategory> CATEGORIES = List.of(TicketCategory.TICKET_CATEGORY_QUESTION,
			TicketCategory.TICKET_CATEGORY_DELIVERY, TicketCategory.TICKET_CATEGORY_QUALITY,
			TicketCategory.TICKET_CATEGORY_BILLING, TicketCategory.TICKET_CATEGORY_TECHNICAL);

	public static final List<TicketPriority> PRIORITIES = List.of(TicketPriority.TICKET_PRIORITY_LOW,
			TicketPriority.TICKET_PRIORITY_NORMAL, TicketPriority.TICKET_PRIORITY_HIGH,
			TicketPriority.TICKET_PRIORITY_URGENT);

	public static final List<ComplaintSeverity> SEVERITIES = List.of(ComplaintSeverity.COMPLAINT_SEVERITY_MINOR,
			ComplaintSeverity.COMPLAINT_SEVERITY_MAJOR, ComplaintSeverity.COMPLAINT_SEVERITY_CRITICAL);

	/** The channels an agent logs a ticket from. */
	public static final List<TicketChannel> LOGGED_CHANNELS = List.of(TicketChannel.TICKET_CHANNEL_PHONE,
			TicketChannel.TICKET_CHANNEL_CHAT, TicketChannel.TICKET_CHANNEL_IM, TicketChannel.TICKET_CHANNEL_EMAIL);

	private TicketChoices() {
	}

	/** The constant of {@code type} named {@code name} among {@code offered}, if it is one. */
	public static <E extends Enum<E>> Optional<E> chosen(List<E> offered, String name) {
		return offered.stream().filter(value -> value.name().equals(name)).findFirst();
	}

	/**
	 * What a ticket form posted about the ticket's nature onto {@code request}: kind, category, priority, and the
	 * severity of a complaint. Values no form offers are left unset, for ticket-service to name.
	 */
	public static OpenTicketRequest.Builder classify(OpenTicketRequest.Builder request, String kind, String category,
			String severity, String priority) {
		chosen(KINDS, kind).ifPresent(request::setKind);
		chosen(CATEGORIES, category).ifPresent(request::setCategory);
		chosen(PRIORITIES, priority).ifPresent(request::setPriority);
		if (request.getKind() == TicketKind.TICKET_KIND_COMPLAINT) {
			chosen(SEVERITIES, severity).ifPresent(request::setSeverity);
		}
		return request;
	}

	/** A transition posted by a form's button; empty for anything else. */
	public static Optional<TicketTransition> transition(String name) {
		return Arrays.stream(TicketTransition.values())
			.filter(t -> t != TicketTransition.UNRECOGNIZED && t != TicketTransition.TICKET_TRANSITION_UNSPECIFIED)
			.filter(t -> t.name().equals(name))
			.findFirst();
	}
}
