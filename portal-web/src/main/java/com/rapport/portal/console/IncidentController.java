package com.rapport.portal.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.ordertracking.v1.IncidentPreview;
import com.rapport.contracts.ordertracking.v1.IncidentSelection;
import com.rapport.contracts.ordertracking.v1.ListIncidentNoticesResponse;
import com.rapport.portal.remote.IncidentClient;
import com.rapport.portal.web.Formats;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Incident notices for staff: the notices sent, newest first; the form (choose the affected orders by SKU, by the
 * days placed or by hand, write the cause and the corrective action once); its preview (how many orders, which
 * organisations, order numbers that matched nothing); and, for managers and admins, the send. The preview carries
 * a fresh notice id into the confirmation, so a double click or a resubmitted page is the same notice.
 * order-tracking-service checks everything; a refusal comes back on the form, each field named in the reader's
 * language, with what was typed kept and nothing stored.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class IncidentController {

	static final int PAGE = 20;

	private final IncidentClient incidents;

	private final Texts texts;

	private final Formats formats;

	IncidentController(IncidentClient incidents, Texts texts, Formats formats) {
		this.incidents = incidents;
		this.texts = texts;
		this.formats = formats;
	}

	@GetMapping("/console/incidents")
	String list(@RequestParam(name = "page", defaultValue = "") String page,
			@RequestParam(name = "sent", defaultValue = "") String sent, Model model) {
		ListIncidentNoticesResponse answer = incidents.notices(page, PAGE);
		model.addAttribute("notices", answer.getNoticesList());
		model.addAttribute("olderPage", answer.getNextPageToken());
		model.addAttribute("laterPage", !page.isEmpty());
		model.addAttribute("sent", answer.getNoticesList().stream().filter(n -> n.getId().equals(sent)).findFirst()
			.orElse(null));
		return "console/incidents";
	}

	@GetMapping("/console/incidents/new")
	String form(Model model) {
		return form(model, IncidentForm.empty(), null, "", Map.of());
	}

	/** What the selection holds; stores nothing. */
	@PostMapping("/console/incidents/preview")
	String preview(@ModelAttribute IncidentForm form, Model model, HttpServletResponse response) {
		return answer(form, model, response, selection -> form(model, form, incidents.preview(selection),
				UUID.randomUUID().toString(), Map.of()));
	}

	/** Sends the notice (managers and admins); back to the list with a notice of what was sent. */
	@PostMapping("/console/incidents")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String send(@ModelAttribute IncidentForm form, @RequestParam(defaultValue = "") String noticeId, Model model,
			HttpServletResponse response) {
		return answer(form, model, response, selection -> "redirect:/console/incidents?sent="
				+ incidents.send(noticeId, selection, form.cause().strip(), form.action().strip()).getId());
	}

	/**
	 * The form's selection to {@code call}; a day that is not a date, or the service's refusal, comes back on the
	 * form ({@code 422}) with each field named.
	 */
	private String answer(IncidentForm form, Model model, HttpServletResponse response,
			Function<IncidentSelection, String> call) {
		Map<String, Message> local = new LinkedHashMap<>();
		IncidentSelection selection = form.selection(formats.zone(), local);
		if (!local.isEmpty()) {
			response.setStatus(422);
			return form(model, form, null, "", say(local));
		}
		try {
			return call.apply(selection);
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			return form(model, form, null, "", refusal(ex));
		}
	}

	private String form(Model model, IncidentForm form, IncidentPreview preview, String noticeId,
			Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("preview", preview);
		model.addAttribute("noticeId", noticeId);
		model.addAttribute("errors", errors);
		return "console/incident-form";
	}

	private Map<String, String> say(Map<String, Message> errors) {
		Map<String, String> said = new LinkedHashMap<>();
		errors.forEach((field, message) -> said.put(field, texts.say(message, LocaleContextHolder.getLocale())));
		return said;
	}

	private Map<String, String> refusal(UnprocessableException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("reason", String.valueOf(texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale())));
		errors.putAll(IncidentForm.formFields(texts.fields(ex, LocaleContextHolder.getLocale())));
		return errors;
	}
}
