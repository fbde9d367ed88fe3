package com.rapport.portal.console;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.remote.OrderClient;
import com.rapport.support.error.RemoteUnavailableException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One organisation as staff see it: the profile and contacts from customer-service, its orders from
 * order-tracking-service. The profile is the page; without order-tracking-service it is still shown, with
 * a notice where the orders would be.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class OrganisationController {

	private static final Logger log = LoggerFactory.getLogger(OrganisationController.class);

	static final int ORDERS = 50;

	static final int TIMELINE = 30;

	/** What {@link ContactLoginController} reports back after an action on a contact's login. */
	static final java.util.Set<String> LOGIN_NOTICES = java.util.Set.of("invited", "invited-not-mailed", "resent",
			"removed", "refused", "unavailable", "created", "saved", "contact-added", "contact-saved", "override-set",
			"override-removed", "override-invalid", "override-unavailable");

	private final CustomerClient customers;

	private final OrderClient orders;

	OrganisationController(CustomerClient customers, OrderClient orders) {
		this.customers = customers;
		this.orders = orders;
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
			.orElseThrow(() -> new com.rapport.support.error.NotFoundException("No contact " + contactId));
	}

	@GetMapping("/console/organisations/{id}")
	String organisation(@PathVariable String id, @RequestParam(required = false) String notice, Model model) {
		Organisation organisation = customers.organisation(id);
		model.addAttribute("organisation", organisation);
		// Only notices this page words itself: the query string is the user's to edit.
		model.addAttribute("notice", notice != null && LOGIN_NOTICES.contains(notice) ? notice : null);
		try {
			model.addAttribute("orders", orders.ordersOf(organisation.getId(), ORDERS));
			model.addAttribute("ordersUnavailable", false);
		}
		catch (RemoteUnavailableException ex) {
			log.warn("Organisation page without orders: {}", ex.getMessage());
			model.addAttribute("orders", List.of());
			model.addAttribute("ordersUnavailable", true);
		}
		try {
			model.addAttribute("delivery", orders.deliveryPerformance(organisation.getId()));
		}
		catch (RemoteUnavailableException ex) {
			log.warn("Organisation page without delivery figures: {}", ex.getMessage());
			model.addAttribute("delivery", null);
		}
		model.addAttribute("today", TierOverrideController.today());
		try {
			model.addAttribute("timeline", customers.timeline(organisation.getId(), TIMELINE));
			model.addAttribute("timelineUnavailable", false);
		}
		catch (RemoteUnavailableException ex) {
			log.warn("Organisation page without timeline: {}", ex.getMessage());
			model.addAttribute("timeline", List.of());
			model.addAttribute("timelineUnavailable", true);
		}
		return "console/organisation";
	}
}
