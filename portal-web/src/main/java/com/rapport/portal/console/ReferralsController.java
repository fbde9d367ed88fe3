package com.rapport.portal.console;

import com.rapport.portal.remote.ReferralClient;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Every organisation's referrals for staff, newest first, with their state and, once earned, the points. */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class ReferralsController {

	private final ReferralClient referrals;

	ReferralsController(ReferralClient referrals) {
		this.referrals = referrals;
	}

	@GetMapping("/console/referrals")
	String page(Model model) {
		model.addAttribute("referrals", referrals.referrals());
		return "console/referrals";
	}
}
