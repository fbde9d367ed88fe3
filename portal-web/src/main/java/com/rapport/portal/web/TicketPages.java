package com.rapport.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketMessage;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the portal's and the console's ticket pages share: a ticket with its conversation on the page, and a
 * refusal of ticket-service said in the reader's language (each bad field under its name, the reason under
 * {@code form}).
 */
@Component
public class TicketPages {

	private final Texts texts;

	private final Formats formats;

	TicketPages(Texts texts, Formats formats) {
		this.texts = texts;
		this.formats = formats;
	}

	/** A message of the conversation with its body cleaned for the page. */
	public record Shown(TicketMessage message, String html) {
	}

	/** The ticket page's model; {@code draft} is a reply that was refused, shown again to be corrected. */
	public String ticket(Model model, TicketDetail detail, String draft, Map<String, String> errors, String view) {
		model.addAttribute("detail", detail);
		model.addAttribute("t", detail.getTicket());
		model.addAttribute("conversation",
				detail.getMessagesList().stream().map(message -> new Shown(message, formats.html(message.getBody()))).toList());
		model.addAttribute("draft", draft);
		model.addAttribute("errors", errors);
		return view;
	}

	public Map<String, String> errors(RuntimeException refusal) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (refusal instanceof UnprocessableException unprocessable) {
			errors.putAll(texts.fields(unprocessable, LocaleContextHolder.getLocale()));
			errors.put("form", texts.reason(unprocessable, unprocessable.reason(), LocaleContextHolder.getLocale()));
		}
		else if (refusal instanceof ConflictException conflict) {
			errors.put("form", texts.reason(conflict, conflict.reason(), LocaleContextHolder.getLocale()));
		}
		return errors;
	}

	/** A refusal made here, before anything was asked of ticket-service (a form value no button sends). */
	public Map<String, String> error(String field, String code) {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put(field, texts.say(LocaleContextHolder.getLocale(), code));
		errors.put("form", texts.say(LocaleContextHolder.getLocale(), "ticket.form.refused"));
		return errors;
	}
}
