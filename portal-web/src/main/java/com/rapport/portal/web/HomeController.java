package com.rapport.portal.web;

import com.rapport.support.security.Caller;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page sends each person to their own side: staff to the console, contacts to the portal. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return Caller.current().seesAllCustomers() ? "redirect:/console" : "redirect:/portal";
	}
}
