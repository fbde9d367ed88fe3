package com.rapport.portal.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.customer.v1.GrowthSettings;
import com.rapport.portal.remote.GrowthClient;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The managers' growth settings: the churn-risk threshold (from which score a customer is at risk and its account
 * manager gets a task) and how many days before an expected reorder its task opens. customer-service checks the
 * ranges and names each bad field; the form comes back with what was typed; a save over an old version says
 * someone saved meanwhile.
 */
@Controller
@PreAuthorize("hasAnyRole('manager', 'admin')")
class GrowthSettingsController {

	/** The form's fields, in its order; the names customer-service uses for its field errors. */
	static final List<String> FIELDS = List.of("riskThreshold", "reorderLeadDays");

	private final GrowthClient growth;

	private final Texts texts;

	GrowthSettingsController(GrowthClient growth, Texts texts) {
		this.growth = growth;
		this.texts = texts;
	}

	@GetMapping("/console/growth/settings")
	String show(@RequestParam(required = false) String notice, Model model) {
		GrowthSettings settings = growth.settings();
		model.addAttribute("notice", "saved".equals(notice) ? notice : null);
		Map<String, String> values = new LinkedHashMap<>();
		values.put("riskThreshold", Integer.toString(settings.getRiskThreshold()));
		values.put("reorderLeadDays", Integer.toString(settings.getReorderLeadDays()));
		return page(model, settings, values, settings.getVersion(), Map.of());
	}

	@PostMapping("/console/growth/settings")
	String save(@RequestParam Map<String, String> form, @RequestParam(defaultValue = "0") long version, Model model,
			HttpServletResponse response) {
		Map<String, String> typed = new LinkedHashMap<>();
		FIELDS.forEach(field -> typed.put(field, form.getOrDefault(field, "").strip()));
		Map<String, String> errors = new LinkedHashMap<>();
		int threshold = FormNumbers.whole(texts, typed, "riskThreshold", errors);
		int leadDays = FormNumbers.whole(texts, typed, "reorderLeadDays", errors);
		if (errors.isEmpty()) {
			try {
				growth.updateSettings(threshold, leadDays, version);
				return "redirect:/console/growth/settings?notice=saved";
			}
			catch (ConflictException ex) {
				errors.put("form", texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale()));
				response.setStatus(409);
				return page(model, growth.settings(), typed, version, errors);
			}
			catch (UnprocessableException ex) {
				errors.putAll(texts.fields(ex, LocaleContextHolder.getLocale()));
			}
		}
		response.setStatus(422);
		return page(model, growth.settings(), typed, version, errors);
	}

	private static String page(Model model, GrowthSettings settings, Map<String, String> values, long version,
			Map<String, String> errors) {
		model.addAttribute("settings", settings);
		model.addAttribute("fields", FIELDS);
		model.addAttribute("values", values);
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		return "console/growth-settings";
	}
}
