package com.rapport.portal.portal;

import com.rapport.portal.remote.ReceivablesClient;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The organisation's open invoices ({@code /portal/invoices}): number, order, amount, due date, and whether it is due
 * soon, overdue or promised for a date. order-tracking-service answers a contact its own organisation's only.
 */
@Controller
@PreAuthorize("hasRole('customer')")
class InvoicesController {

	private final ReceivablesClient receivables;

	InvoicesController(ReceivablesClient receivables) {
		this.receivables = receivables;
	}

	@GetMapping("/portal/invoices")
	String invoices(Model model) {
		model.addAttribute("invoices", receivables.invoices("", true));
		return "portal/invoices";
	}
}
