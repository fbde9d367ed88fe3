package com.rapport.portal.portal;

import com.rapport.portal.remote.CustomerClient;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The contact's own organisation as the supplier knows it: its details, its account manager (the
 * supplier's single point of contact) and the colleagues registered with the supplier. The organisation
 * is the one in the user's token; the address takes no id, so there is nothing to probe.
 */
@Controller
@PreAuthorize("hasRole('customer')")
class OwnOrganisationController {

	private final CustomerClient customers;

	OwnOrganisationController(CustomerClient customers) {
		this.customers = customers;
	}

	@GetMapping("/portal/organisation")
	String organisation(Model model) {
		String own = Caller.current().customerId()
			.orElseThrow(() -> new NotFoundException(Message.of("organisation.none-for-login")));
		model.addAttribute("organisation", customers.organisation(own));
		return "portal/organisation";
	}
}
