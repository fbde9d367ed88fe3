package com.rapport.portal.console;

import com.rapport.portal.remote.CustomerClient;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff console's home: the customer organisations, from customer-service. */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class ConsoleController {

	private final CustomerClient customers;

	ConsoleController(CustomerClient customers) {
		this.customers = customers;
	}

	@GetMapping("/console")
	String home(Model model) {
		model.addAttribute("organisations", customers.organisations(200));
		return "console/home";
	}
}
