package com.rapport.portal.portal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.portal.remote.ReferralClient;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A contact invites another company (its name and a contact's email address) and follows its organisation's
 * referrals: invited, or earned with the points. customer-service checks the fields and sends the invitation mail
 * in the contact's language; a refusal comes back beside the field with what was typed kept.
 */
@Controller
@PreAuthorize("hasRole('customer')")
class ReferralController {

	private final ReferralClient referrals;

	private final Texts texts;

	ReferralController(ReferralClient referrals, Texts texts) {
		this.referrals = referrals;
		this.texts = texts;
	}

	@GetMapping("/portal/referrals")
	String page(@RequestParam(required = false) String invited, Model model) {
		model.addAttribute("invited", invited != null && !invited.isBlank() ? invited : null);
		return page(model, Map.of("companyName", "", "email", ""), Map.of());
	}

	@PostMapping("/portal/referrals")
	String invite(@RequestParam(defaultValue = "") String companyName, @RequestParam(defaultValue = "") String email,
			Model model, Locale locale, HttpServletResponse response) {
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("companyName", companyName);
		typed.put("email", email);
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			referrals.invite(companyName, email);
			return "redirect:/portal/referrals?invited=" + java.net.URLEncoder.encode(companyName.strip(),
					java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (ConflictException ex) {
			response.setStatus(409);
			errors.put("form", texts.reason(ex, ex.reason(), locale));
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			errors.putAll(texts.fields(ex, locale));
		}
		return page(model, typed, errors);
	}

	private String page(Model model, Map<String, String> values, Map<String, String> errors) {
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("referrals", referrals.referrals());
		return "portal/referrals";
	}
}
