package com.rapport.portal.portal;

import com.rapport.portal.remote.ImprovementClient;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's "You said, we did": what the supplier changed because of this organisation's and everyone's feedback. */
@Controller
@PreAuthorize("hasRole('customer')")
class ImprovementsController {

	private final ImprovementClient improvements;

	ImprovementsController(ImprovementClient improvements) {
		this.improvements = improvements;
	}

	@GetMapping("/portal/improvements")
	String improvements(Model model) {
		model.addAttribute("improvements", improvements.list(null));
		return "portal/improvements";
	}
}
