package com.rapport.portal.console;

import java.util.UUID;

import com.rapport.portal.remote.ImprovementClient;
import com.rapport.support.error.UnprocessableException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "You said, we did" in the console: staff read what was done because of feedback (every one, or one
 * organisation's with those for everyone); managers and admins record more (feedback-service decides, and keeps each
 * once by the id the form carries).
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class ImprovementController {

	private final ImprovementClient improvements;

	ImprovementController(ImprovementClient improvements) {
		this.improvements = improvements;
	}

	@GetMapping("/console/improvements")
	String list(@RequestParam(name = "customer", defaultValue = "") String customer,
			@RequestParam(required = false) String saved, Model model) {
		model.addAttribute("notice", saved != null ? "improvements.saved" : null);
		return page(model, customer, "", "", "");
	}

	@PostMapping("/console/improvements")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String record(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String customerId,
			@RequestParam(defaultValue = "") String youSaid, @RequestParam(defaultValue = "") String weDid, Model model,
			HttpServletResponse response) {
		try {
			improvements.record(id, customerId, youSaid, weDid);
			return "redirect:/console/improvements?saved";
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			model.addAttribute("notice", "improvements.refused");
			model.addAttribute("invalid", ex.fieldMessages().keySet());
			return page(model, "", customerId, youSaid, weDid);
		}
	}

	private String page(Model model, String customer, String customerId, String youSaid, String weDid) {
		if (!model.containsAttribute("invalid")) {
			model.addAttribute("invalid", java.util.Set.of());
		}
		model.addAttribute("improvements", improvements.list(customer));
		model.addAttribute("customer", customer);
		model.addAttribute("formId", UUID.randomUUID().toString());
		model.addAttribute("customerId", customerId);
		model.addAttribute("youSaid", youSaid);
		model.addAttribute("weDid", weDid);
		return "console/improvements";
	}
}
