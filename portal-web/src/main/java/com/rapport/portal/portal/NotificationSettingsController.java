package com.rapport.portal.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.ordertracking.v1.NotificationPreferences;
import com.rapport.contracts.ordertracking.v1.NotificationTopic;
import com.rapport.contracts.ordertracking.v1.UpdateMyNotificationPreferencesRequest;
import com.rapport.portal.remote.InboxClient;
import com.rapport.support.error.UnprocessableException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The contact's own notification settings ({@code /portal/notification-settings}): which order news it wants, by
 * email besides the portal inbox (SMS shown, not available yet), and quiet hours in its time zone. order-tracking-
 * service keeps them and decides whose they are (the login's), so the form carries no id. Checked here first, so
 * that each bad field is named on the form; the service checks again.
 */
@Controller
@PreAuthorize("hasRole('customer')")
class NotificationSettingsController {

	static final List<String> TOPICS = List.of("PROGRESS", "SHIPPED", "DELIVERED", "DELAYS", "CANCELLED",
			"INCIDENTS");

	private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

	private static final String TOPIC = "NOTIFICATION_TOPIC_";

	private final InboxClient inbox;

	NotificationSettingsController(InboxClient inbox) {
		this.inbox = inbox;
	}

	/** The form's state: as saved, or as sent back with its errors. */
	record Form(List<String> topics, boolean email, boolean sms, boolean quietHours, String quietFrom,
			String quietUntil) {
	}

	@GetMapping("/portal/notification-settings")
	String settings(@RequestParam(required = false) String saved, Model model) {
		NotificationPreferences current = inbox.preferences();
		model.addAttribute("saved", saved != null);
		return form(model, current, new Form(current.getTopicsList().stream()
			.map(t -> t.name().substring(TOPIC.length())).toList(), current.getEmail(), current.getSms(),
				current.getQuietHours(),
				current.getQuietHours() ? current.getQuietFrom() : "22:00",
				current.getQuietHours() ? current.getQuietUntil() : "07:00"), Map.of());
	}

	@PostMapping("/portal/notification-settings")
	String save(@RequestParam(defaultValue = "") List<String> topics,
			@RequestParam(defaultValue = "false") boolean email, @RequestParam(defaultValue = "false") boolean sms,
			@RequestParam(defaultValue = "false") boolean quietHours, @RequestParam(defaultValue = "") String quietFrom,
			@RequestParam(defaultValue = "") String quietUntil, Model model, HttpServletResponse response) {
		List<String> chosen = topics.stream().filter(t -> !t.isBlank()).distinct().toList();
		Form form = new Form(chosen, email, sms, quietHours, quietFrom.trim(), quietUntil.trim());
		Map<String, String> errors = new LinkedHashMap<>();
		if (!TOPICS.containsAll(chosen)) {
			errors.put("topics", "notificationSettings.error.topics");
		}
		if (sms && !inbox.preferences().getSmsAvailable()) {
			errors.put("sms", "notificationSettings.error.sms");
		}
		if (quietHours) {
			if (!TIME.matcher(form.quietFrom()).matches()) {
				errors.put("quietFrom", "notificationSettings.error.time");
			}
			if (!TIME.matcher(form.quietUntil()).matches()) {
				errors.put("quietUntil", "notificationSettings.error.time");
			}
			else if (form.quietUntil().equals(form.quietFrom())) {
				errors.put("quietUntil", "notificationSettings.error.same");
			}
		}
		if (errors.isEmpty()) {
			UpdateMyNotificationPreferencesRequest.Builder choice = UpdateMyNotificationPreferencesRequest.newBuilder()
				.setEmail(email).setSms(sms).setQuietHours(quietHours);
			chosen.forEach(t -> choice.addTopics(NotificationTopic.valueOf(TOPIC + t)));
			if (quietHours) {
				choice.setQuietFrom(form.quietFrom()).setQuietUntil(form.quietUntil());
			}
			try {
				inbox.updatePreferences(choice.build());
				return "redirect:/portal/notification-settings?saved";
			}
			catch (UnprocessableException ex) {
				errors.put("form", "notificationSettings.error.refused");
			}
		}
		response.setStatus(422);
		model.addAttribute("saved", false);
		return form(model, inbox.preferences(), form, errors);
	}

	private static String form(Model model, NotificationPreferences current, Form form, Map<String, String> errors) {
		model.addAttribute("current", current);
		model.addAttribute("form", form);
		model.addAttribute("topicChoices", TOPICS);
		model.addAttribute("errors", errors);
		return "portal/notification-settings";
	}
}
