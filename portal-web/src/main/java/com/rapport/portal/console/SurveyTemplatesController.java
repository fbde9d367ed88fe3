package com.rapport.portal.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rapport.contracts.feedback.v1.SurveyTemplate;
import com.rapport.contracts.feedback.v1.SurveyTemplateSet;
import com.rapport.portal.remote.SurveyTemplateClient;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The question each survey (CSAT, CES, NPS) asks in each language, as managers word it: the invitation mails and the
 * answer pages ask it. Managers and admins see and change them; feedback-service validates, saves only over the
 * version read and audits each change; its refusals are said here field by field in the reader's language.
 */
@Controller
@PreAuthorize("hasAnyRole('manager', 'admin')")
class SurveyTemplatesController {

	private final SurveyTemplateClient templates;

	private final Texts texts;

	SurveyTemplatesController(SurveyTemplateClient templates, Texts texts) {
		this.templates = templates;
		this.texts = texts;
	}

	/** One wording on the form: its field (csatEn), survey, language, what is typed and the default it replaces. */
	record Wording(String field, String kind, String language, String text, String defaultText) {
	}

	@GetMapping("/console/survey-templates")
	String show(@RequestParam(required = false) String saved, Model model) {
		SurveyTemplateSet current = templates.templates();
		model.addAttribute("notice", saved != null ? "survey-templates.saved" : null);
		return page(model, current, Map.of(), Map.of());
	}

	@PostMapping("/console/survey-templates")
	String save(@RequestParam Map<String, String> form, @RequestParam(defaultValue = "-1") long version, Model model,
			HttpServletResponse response) {
		SurveyTemplateSet read = templates.templates();
		Map<String, Map<String, String>> wordings = new LinkedHashMap<>();
		Map<String, String> typed = new LinkedHashMap<>();
		for (SurveyTemplate template : read.getTemplatesList()) {
			String field = field(template);
			// A wording the form did not send (an older page still open) stays as it is.
			if (form.containsKey(field)) {
				typed.put(field, form.get(field));
				wordings.computeIfAbsent(template.getKind(), kind -> new LinkedHashMap<>())
					.put(template.getLanguage(), form.get(field));
			}
		}
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			templates.update(wordings, version);
			return "redirect:/console/survey-templates?saved";
		}
		catch (ConflictException ex) {
			response.setStatus(409);
			model.addAttribute("notice", "survey-templates.changed-meanwhile");
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			model.addAttribute("notice", "survey-templates.refused");
			errors.putAll(texts.fields(ex, LocaleContextHolder.getLocale()));
		}
		return page(model, templates.templates(), typed, errors);
	}

	/** The form's name of a wording: {@code csatEn}, {@code npsZh} (feedback-service names its refusals so). */
	static String field(SurveyTemplate template) {
		return template.getKind().toLowerCase(Locale.ROOT) + ("en".equals(template.getLanguage()) ? "En" : "Zh");
	}

	private static String page(Model model, SurveyTemplateSet current, Map<String, String> typed,
			Map<String, String> errors) {
		List<Wording> wordings = new ArrayList<>();
		for (SurveyTemplate template : current.getTemplatesList()) {
			String field = field(template);
			wordings.add(new Wording(field, template.getKind(), template.getLanguage(),
					typed.getOrDefault(field, template.getText()), template.getDefaultText()));
		}
		model.addAttribute("current", current);
		model.addAttribute("wordings", wordings);
		model.addAttribute("errors", errors);
		model.addAttribute("version", current.getVersion());
		return "console/survey-templates";
	}
}
