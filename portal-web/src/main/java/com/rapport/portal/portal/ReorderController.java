package com.rapport.portal.portal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.customer.v1.OrderAsLastTimeResponse;
import com.rapport.contracts.customer.v1.ReorderLink;
import com.rapport.contracts.customer.v1.ReorderLinkState;
import com.rapport.contracts.customer.v1.UpcomingReorder;
import com.rapport.contracts.ordertracking.v1.DraftOrder;
import com.rapport.portal.remote.ReorderClient;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * "Reorder as last time" in the portal: the organisation's upcoming reorders (product, expected date, usual
 * interval, last quantity) each with the button, and the draft orders made (waiting for the supplier's confirmation,
 * or confirmed); and the page a reminder mail's link opens ({@code /portal/reorder/<token>}, behind the portal
 * login), where the signed-in contact confirms with one click. A used, expired, outdated, forged or another
 * organisation's link gets a page that says so and makes nothing.
 */
@Controller
@PreAuthorize("hasRole('customer')")
class ReorderController {

	private final ReorderClient reorders;

	private final LocaleResolver locales;

	ReorderController(ReorderClient reorders, LocaleResolver locales) {
		this.reorders = reorders;
		this.locales = locales;
	}

	@GetMapping("/portal/reorders")
	String list(@RequestParam(required = false) String made, Model model) {
		model.addAttribute("made", made == null || made.isBlank() ? null : made);
		return list(model);
	}

	@PostMapping("/portal/reorders")
	String order(@RequestParam(defaultValue = "") String sku, Model model, HttpServletResponse response) {
		try {
			OrderAsLastTimeResponse outcome = reorders.orderBySku(sku);
			return "redirect:/portal/reorders?made=" + java.net.URLEncoder.encode(outcome.getDraftNumber(),
					java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (NotFoundException ex) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("problem", "reorders.problem.not-found");
		}
		catch (RemoteUnavailableException ex) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			model.addAttribute("problem", "reorders.problem.unavailable");
		}
		model.addAttribute("made", null);
		return list(model);
	}

	private String list(Model model) {
		List<UpcomingReorder> upcoming = reorders.upcoming();
		List<DraftOrder> drafts;
		try {
			drafts = reorders.drafts();
			model.addAttribute("draftsUnavailable", false);
		}
		catch (RemoteUnavailableException ex) {
			drafts = List.of();
			model.addAttribute("draftsUnavailable", true);
		}
		model.addAttribute("reorders", upcoming);
		model.addAttribute("drafts", drafts);
		return "portal/reorders";
	}

	@GetMapping("/portal/reorder/{token}")
	String link(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		ReorderLink link = reorders.link(token);
		return show(state(link.getState()), link.hasReorder() ? link.getReorder() : null, link.getLanguage(), token,
				model, request, response);
	}

	@PostMapping("/portal/reorder/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		try {
			OrderAsLastTimeResponse outcome = reorders.orderFromLink(token);
			String state = outcome.getState() == ReorderLinkState.REORDER_LINK_STATE_VALID && outcome.getCreated()
					? "made" : state(outcome.getState());
			model.addAttribute("draftNumber", outcome.getDraftNumber());
			return show(state, outcome.hasReorder() ? outcome.getReorder() : null, "", token, model, request,
					response);
		}
		catch (RemoteUnavailableException ex) {
			model.addAttribute("draftNumber", "");
			return show("unavailable", null, "", token, model, request, response);
		}
	}

	private String show(String state, UpcomingReorder reorder, String language, String token, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (language != null && !language.isEmpty()) {
			locales.setLocale(request, response, Locale.forLanguageTag(language));
		}
		switch (state) {
			case "invalid", "expired", "outdated" -> response.setStatus(HttpStatus.GONE.value());
			case "used" -> response.setStatus(HttpStatus.CONFLICT.value());
			case "unavailable" -> response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			default -> {
			}
		}
		model.addAttribute("state", state);
		model.addAttribute("reorder", reorder);
		model.addAttribute("token", token);
		if (!model.containsAttribute("draftNumber")) {
			model.addAttribute("draftNumber", reorder == null ? "" : reorder.getDraftNumber());
		}
		return "portal/reorder-link";
	}

	private static String state(ReorderLinkState state) {
		return switch (state) {
			case REORDER_LINK_STATE_VALID -> "valid";
			case REORDER_LINK_STATE_USED -> "used";
			case REORDER_LINK_STATE_EXPIRED -> "expired";
			case REORDER_LINK_STATE_OUTDATED -> "outdated";
			default -> "invalid";
		};
	}
}
