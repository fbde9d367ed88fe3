package com.rapport.portal.console;

import com.rapport.portal.remote.GrowthClient;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The customers at risk of drifting away, most valuable first, each with the reasons of its churn risk and its
 * account manager (who has a task about it in customer-service). Every member of staff.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class AtRiskController {

	private final GrowthClient growth;

	AtRiskController(GrowthClient growth) {
		this.growth = growth;
	}

	@GetMapping("/console/at-risk")
	String atRisk(Model model) {
		model.addAttribute("atRisk", growth.atRisk());
		return "console/at-risk";
	}
}
