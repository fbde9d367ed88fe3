package com.rapport.portal.console;

import com.rapport.contracts.feedback.v1.SurveySettings;
import com.rapport.portal.remote.SurveySettingsClient;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * When a CES survey is asked (after a resolved ticket, a delivered order, both or neither) and which answers open a
 * follow-up ticket (a CSAT below, an NPS at most, a negative or urgent comment): managers and admins see and change
 * them; feedback-service keeps it, saves only over the version read and audits each change.
 */
@Controller
@PreAuthorize("hasAnyRole('manager', 'admin')")
class SurveySettingsController {

	private final SurveySettingsClient settings;

	SurveySettingsController(SurveySettingsClient settings) {
		this.settings = settings;
	}

	@GetMapping("/console/survey-settings")
	String show(@RequestParam(required = false) String saved, Model model) {
		SurveySettings current = settings.settings();
		model.addAttribute("notice", saved != null ? "survey-settings.saved" : null);
		return page(model, current, current.getCesAfterTicket(), current.getCesAfterOrder(), followUps(current),
				current.getVersion());
	}

	@PostMapping("/console/survey-settings")
	String save(@RequestParam(defaultValue = "false") boolean cesAfterTicket,
			@RequestParam(defaultValue = "false") boolean cesAfterOrder,
			@RequestParam(required = false) Integer followUpCsatBelow,
			@RequestParam(required = false) Integer followUpNpsAtMost,
			@RequestParam(defaultValue = "false") boolean followUpOnComments,
			@RequestParam(defaultValue = "-1") long version, Model model, HttpServletResponse response) {
		// A form without the thresholds (an older page still open) leaves them as they are.
		SurveySettingsClient.FollowUps followUps = followUpCsatBelow == null || followUpNpsAtMost == null ? null
				: new SurveySettingsClient.FollowUps(followUpCsatBelow, followUpNpsAtMost, followUpOnComments);
		try {
			settings.update(cesAfterTicket, cesAfterOrder, followUps, version);
			return "redirect:/console/survey-settings?saved";
		}
		catch (ConflictException ex) {
			// Saved by someone else meanwhile: what is in force now, with what was chosen, and a notice.
			response.setStatus(409);
			model.addAttribute("notice", "survey-settings.changed-meanwhile");
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			model.addAttribute("notice", "survey-settings.refused");
		}
		SurveySettings current = settings.settings();
		return page(model, current, cesAfterTicket, cesAfterOrder, followUps == null ? followUps(current) : followUps,
				current.getVersion());
	}

	private static SurveySettingsClient.FollowUps followUps(SurveySettings current) {
		return new SurveySettingsClient.FollowUps(current.getFollowUpCsatBelow(), current.getFollowUpNpsAtMost(),
				current.getFollowUpOnComments());
	}

	private static String page(Model model, SurveySettings current, boolean cesAfterTicket, boolean cesAfterOrder,
			SurveySettingsClient.FollowUps followUps, long version) {
		model.addAttribute("current", current);
		model.addAttribute("cesAfterTicket", cesAfterTicket);
		model.addAttribute("cesAfterOrder", cesAfterOrder);
		model.addAttribute("followUpCsatBelow", followUps.csatBelow());
		model.addAttribute("followUpNpsAtMost", followUps.npsAtMost());
		model.addAttribute("followUpOnComments", followUps.onComments());
		model.addAttribute("version", version);
		return "console/survey-settings";
	}
}
