package com.rapport.portal.delivery;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.ordertracking.v1.ListIncidentDeliveriesResponse;
import com.rapport.support.error.ConflictException;
import com.rapport.support.message.Texts;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/incidents/{id}/deliveries}: every organisation an incident notice reaches, whether its mail is
 * still waiting to be queued, and each notification to its contacts with its delivery state (queued, sent,
 * failed, retrying, dead), tries, last error and when sent; a failed or dead one is sent again with
 * <em>Send again</em>. Staff only; order-tracking-service decides again.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class NoticeDeliveryController {

	static final List<String> STATES = List.of("QUEUED", "SENT", "RETRYING", "FAILED", "DEAD");

	private final NoticeDeliveryClient deliveries;

	private final Texts texts;

	NoticeDeliveryController(NoticeDeliveryClient deliveries, Texts texts) {
		this.deliveries = deliveries;
		this.texts = texts;
	}

	@GetMapping("/console/incidents/{id}/deliveries")
	String show(@PathVariable String id, @RequestParam(defaultValue = "") String page,
			@RequestParam(required = false) String resent, Model model) {
		return page(model, id, page, resent != null, null);
	}

	/** Sends a failed or dead notification again; one sent or still being tried is refused and said why. */
	@PostMapping("/console/incidents/{id}/deliveries/resend")
	String resend(@PathVariable String id, @RequestParam String notificationId,
			@RequestParam(defaultValue = "") String page, Model model, HttpServletResponse response) {
		try {
			deliveries.resend(notificationId);
			return "redirect:/console/incidents/" + id + "/deliveries?resent&page=" + page;
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(model, id, page, false, texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale()));
		}
	}

	private String page(Model model, String id, String page, boolean resent, String refusal) {
		ListIncidentDeliveriesResponse answer = deliveries.deliveries(id, page);
		model.addAttribute("noticeId", id);
		model.addAttribute("organisations", answer.getOrganisationsList());
		model.addAttribute("states", STATES);
		model.addAttribute("counts", answer.getStatesMap());
		model.addAttribute("page", page);
		model.addAttribute("nextPage", answer.getNextPageToken());
		model.addAttribute("resent", resent);
		model.addAttribute("refusal", refusal);
		return "console/incident-deliveries";
	}
}
