package com.rapport.portal.portal;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.PreferredChannel;
import com.rapport.contracts.customer.v1.UpdateMyPreferencesRequest;
import com.rapport.portal.remote.ContactClient;
import com.rapport.portal.web.Choices;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The contact's own preferences: the language and time zone Rapport speaks to them in, the channel it
 * reaches them by, and their consents. customer-service keeps them and decides whose record it is (the
 * login's), so the form carries no id. The next notification already follows the change.
 */
@Controller
@PreAuthorize("hasRole('customer')")
class ProfileController {

	static final List<String> CHANNELS = List.of("EMAIL", "SMS", "PORTAL");

	private final ContactClient contacts;

	private final LocaleResolver localeResolver;

	ProfileController(ContactClient contacts, LocaleResolver localeResolver) {
		this.contacts = contacts;
		this.localeResolver = localeResolver;
	}

	@GetMapping("/portal/profile")
	String profile(@RequestParam(required = false) String saved, Model model) {
		Contact me = contacts.myContact();
		model.addAttribute("saved", saved != null);
		return form(model, me, me.getLanguage(), me.getTimeZone(), channel(me.getPreferredChannel()),
				me.getMarketingConsent(), me.getSurveyConsent(), me.getReorderReminderConsent(), Map.of());
	}

	@PostMapping("/portal/profile")
	String save(@RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String timeZone,
			@RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "false") boolean marketing,
			@RequestParam(defaultValue = "false") boolean surveys,
			@RequestParam(defaultValue = "false") boolean reorderReminders, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!Choices.LANGUAGES.contains(language)) {
			errors.put("language", "profile.error.language");
		}
		if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
			errors.put("timeZone", "profile.error.timeZone");
		}
		if (!CHANNELS.contains(channel)) {
			errors.put("channel", "profile.error.channel");
		}
		if (errors.isEmpty()) {
			try {
				contacts.updateMyPreferences(UpdateMyPreferencesRequest.newBuilder().setLanguage(language)
					.setTimeZone(timeZone).setPreferredChannel(PreferredChannel.valueOf("PREFERRED_CHANNEL_" + channel))
					.setMarketingConsent(marketing).setSurveyConsent(surveys)
					.setReorderReminderConsent(reorderReminders).build());
				// The portal follows the contact's language at once.
				localeResolver.setLocale(request, response, Locale.forLanguageTag(language));
				return "redirect:/portal/profile?saved";
			}
			catch (UnprocessableException ex) {
				errors.put("form", "profile.error.refused");
			}
			catch (ConflictException ex) {
				// Changed meanwhile (another tab, a staff edit): not saved, the same notice, the status says why.
				errors.put("form", "profile.error.refused");
				response.setStatus(409);
				model.addAttribute("saved", false);
				return form(model, contacts.myContact(), language, timeZone, channel, marketing, surveys, reorderReminders,
						errors);
			}
		}
		response.setStatus(422);
		model.addAttribute("saved", false);
		return form(model, contacts.myContact(), language, timeZone, channel, marketing, surveys, reorderReminders,
				errors);
	}

	private static String form(Model model, Contact me, String language, String timeZone, String channel,
			boolean marketing, boolean surveys, boolean reorderReminders, Map<String, String> errors) {
		model.addAttribute("me", me);
		model.addAttribute("language", language);
		model.addAttribute("timeZone", timeZone);
		model.addAttribute("channel", channel);
		model.addAttribute("marketing", marketing);
		model.addAttribute("surveys", surveys);
		model.addAttribute("reorderReminders", reorderReminders);
		model.addAttribute("errors", errors);
		model.addAttribute("languages", Choices.LANGUAGES);
		model.addAttribute("zones", Choices.ZONES);
		model.addAttribute("channels", CHANNELS);
		return "portal/profile";
	}

	private static String channel(PreferredChannel channel) {
		return channel == PreferredChannel.PREFERRED_CHANNEL_UNSPECIFIED || channel == PreferredChannel.UNRECOGNIZED
				? "EMAIL" : channel.name().substring("PREFERRED_CHANNEL_".length());
	}
}
