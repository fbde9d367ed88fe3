package com.rapport.portal.console;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.contracts.customer.v1.InteractionKind;
import com.rapport.contracts.customer.v1.ListInteractionsResponse;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.remote.FeedbackClient;
import com.rapport.portal.remote.GrowthClient;
import com.rapport.portal.remote.LoyaltyClient;
import com.rapport.portal.remote.OrderClient;
import com.rapport.portal.remote.TicketClient;
import com.rapport.portal.remote.TimelineClient;
import com.rapport.support.error.Message;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One organisation as staff see it, each part from the service that owns it: the profile, contacts and
 * timeline from customer-service, orders and deliveries from order-tracking-service, open tickets with their
 * SLA state from ticket-service, the latest CSAT / NPS / CES from feedback-service. The profile is the page;
 * without any of the others it is still shown, with a notice where that part would be.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class OrganisationController {

	private static final Logger log = LoggerFactory.getLogger(OrganisationController.class);

	static final int ORDERS = 50;

	static final int TIMELINE = 30;

	static final int TICKETS = 20;

	/** The kinds the timeline can be narrowed to, in the order the filter offers them. */
	static final List<String> TIMELINE_KINDS = java.util.Arrays.stream(InteractionKind.values())
		.filter(k -> k != InteractionKind.INTERACTION_KIND_UNSPECIFIED && k != InteractionKind.UNRECOGNIZED)
		.map(k -> k.name().substring("INTERACTION_KIND_".length())).toList();

	/** What {@link ContactLoginController} reports back after an action on a contact's login. */
	static final java.util.Set<String> LOGIN_NOTICES = java.util.Set.of("invited", "invited-not-mailed", "resent",
			"removed", "refused", "unavailable", "created", "saved", "contact-added", "contact-saved", "override-set",
			"override-removed", "override-invalid", "override-unavailable");

	private final CustomerClient customers;

	private final TimelineClient interactions;

	private final OrderClient orders;

	private final TicketClient tickets;

	private final FeedbackClient feedback;

	private final GrowthClient growth;

	private final LoyaltyClient loyalty;

	OrganisationController(CustomerClient customers, TimelineClient interactions, OrderClient orders, TicketClient tickets,
			FeedbackClient feedback, GrowthClient growth, LoyaltyClient loyalty) {
		this.customers = customers;
		this.interactions = interactions;
		this.orders = orders;
		this.tickets = tickets;
		this.feedback = feedback;
		this.growth = growth;
		this.loyalty = loyalty;
	}

	/** Back to the organisation's page with a notice it words itself (one of {@link #LOGIN_NOTICES}). */
	static String redirectWithNotice(String organisationId, String notice, String contactId) {
		var uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/console/organisations/{id}")
			.queryParam("notice", notice);
		if (contactId != null) {
			uri.queryParam("contact", contactId);
		}
		return "redirect:" + uri.buildAndExpand(organisationId).encode().toUriString();
	}

	/** One of the organisation's contacts; another id is not found, exactly as an unknown organisation. */
	static com.rapport.contracts.customer.v1.Contact contactOf(Organisation organisation, String contactId) {
		return organisation.getContactsList().stream().filter(contact -> contact.getId().equals(contactId)).findFirst()
			.orElseThrow(
					() -> new com.rapport.support.error.NotFoundException(Message.of("contact.not-found", contactId)));
	}

	@GetMapping("/console/organisations/{id}")
	String organisation(@PathVariable String id, @RequestParam(required = false) String notice,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String after, Model model) {
		Organisation organisation = customers.organisation(id);
		model.addAttribute("organisation", organisation);
		// Only notices this page words itself: the query string is the user's to edit.
		model.addAttribute("notice", notice != null && LOGIN_NOTICES.contains(notice) ? notice : null);
		String organisationId = organisation.getId();
		List<?> orderList = partOrNull("orders", () -> orders.ordersOf(organisationId, ORDERS));
		model.addAttribute("orders", orderList == null ? List.of() : orderList);
		model.addAttribute("ordersUnavailable", orderList == null);
		model.addAttribute("delivery", partOrNull("delivery figures", () -> orders.deliveryPerformance(organisationId)));
		model.addAttribute("tickets", partOrNull("tickets", () -> tickets.openTickets(organisationId, TICKETS)));
		model.addAttribute("scores", partOrNull("scores", () -> feedback.scores(organisationId)));
		model.addAttribute("value", partOrNull("lifetime value", () -> growth.value(organisationId)));
		model.addAttribute("loyalty", partOrNull("loyalty points", () -> loyalty.account(organisationId)));
		model.addAttribute("today", TierOverrideController.today());
		timeline(organisation.getId(), kind, after, model);
		return "console/organisation";
	}

	/** A part of the page from another service; {@code null}, and a notice on the page, while it is unavailable. */
	private static <T> T partOrNull(String part, java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RemoteUnavailableException ex) {
			log.warn("Organisation page without {}: {}", part, ex.getMessage());
			return null;
		}
	}

	/**
	 * The timeline part: a page of {@value #TIMELINE}, newest first, of one kind or all, older pages by the token
	 * customer-service gave. A kind the page does not offer shows every kind (the query string is the user's to
	 * edit); a token customer-service refuses (an old or edited link) shows the newest page with a notice.
	 */
	private void timeline(String organisationId, String kind, String after, Model model) {
		InteractionKind chosen = TIMELINE_KINDS.contains(kind) ? InteractionKind.valueOf("INTERACTION_KIND_" + kind) : null;
		model.addAttribute("kinds", TIMELINE_KINDS);
		model.addAttribute("kind", chosen == null ? null : kind);
		model.addAttribute("timelineUnavailable", false);
		model.addAttribute("timelineRestarted", false);
		try {
			ListInteractionsResponse page;
			try {
				page = interactions.timeline(organisationId, chosen, TIMELINE, after);
				model.addAttribute("after", after == null || after.isBlank() ? null : after);
			}
			catch (UnprocessableException ex) {
				page = interactions.timeline(organisationId, chosen, TIMELINE, null);
				model.addAttribute("after", null);
				model.addAttribute("timelineRestarted", true);
			}
			model.addAttribute("timeline", page.getInteractionsList());
			model.addAttribute("timelineNext", page.getNextPageToken());
		}
		catch (RemoteUnavailableException ex) {
			log.warn("Organisation page without timeline: {}", ex.getMessage());
			model.addAttribute("timeline", List.of());
			model.addAttribute("timelineNext", "");
			model.addAttribute("timelineUnavailable", true);
		}
	}
}
