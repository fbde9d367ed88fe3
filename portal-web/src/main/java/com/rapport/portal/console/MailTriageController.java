package com.rapport.portal.console;

import java.util.List;
import java.util.Map;

import com.rapport.contracts.ticket.v1.OpenTicketFromMailRequest;
import com.rapport.contracts.ticket.v1.OpenTicketFromMailResponse;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TriageMail;
import com.rapport.portal.remote.MailTriageClient;
import com.rapport.portal.web.Formats;
import com.rapport.portal.web.TicketPages;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The support mailbox's triage (staff): the mails ticket-service could not file (an unknown sender, an address
 * several organisations share, a stranger answering a ticket), each with a form to open a ticket from it for the
 * organisation and contact chosen, or to discard it. ticket-service decides and audits.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class MailTriageController {

	static final List<TicketKind> KINDS = List.of(TicketKind.TICKET_KIND_REQUEST, TicketKind.TICKET_KIND_COMPLAINT);

	static final List<TicketCategory> CATEGORIES = List.of(TicketCategory.TICKET_CATEGORY_QUESTION,
			TicketCategory.TICKET_CATEGORY_DELIVERY, TicketCategory.TICKET_CATEGORY_QUALITY,
			TicketCategory.TICKET_CATEGORY_BILLING, TicketCategory.TICKET_CATEGORY_TECHNICAL);

	private final MailTriageClient triage;

	private final TicketPages pages;

	private final Formats formats;

	MailTriageController(MailTriageClient triage, TicketPages pages, Formats formats) {
		this.triage = triage;
		this.pages = pages;
		this.formats = formats;
	}

	/** A waiting mail with its text cleaned for the page. */
	record Shown(TriageMail mail, String html) {
	}

	/** What was typed into a mail's form, shown again when it was refused. */
	record Typed(String customerId, String contactId, String requesterName) {

		static final Typed NOTHING = new Typed("", "", "");
	}

	@GetMapping("/console/mail-triage")
	String waiting(@RequestParam(required = false) String discarded, Model model) {
		model.addAttribute("notice", discarded != null ? "mail-triage.discarded" : null);
		return page(model, null, Map.of());
	}

	@PostMapping("/console/mail-triage/{mailId}/ticket")
	String open(@PathVariable String mailId, @RequestParam(defaultValue = "") String customerId,
			@RequestParam(defaultValue = "") String contactId, @RequestParam(defaultValue = "") String requesterName,
			@RequestParam(defaultValue = "TICKET_KIND_REQUEST") String kind,
			@RequestParam(defaultValue = "TICKET_CATEGORY_QUESTION") String category, Model model,
			HttpServletResponse response) {
		model.addAttribute("typed", new Typed(customerId, contactId, requesterName));
		TicketKind chosenKind = KINDS.stream().filter(k -> k.name().equals(kind)).findFirst().orElse(null);
		TicketCategory chosenCategory = CATEGORIES.stream().filter(c -> c.name().equals(category)).findFirst()
			.orElse(null);
		if (chosenKind == null || chosenCategory == null) {
			response.setStatus(422);
			return page(model, mailId, pages.error(chosenKind == null ? "kind" : "category", "field.required"));
		}
		try {
			OpenTicketFromMailResponse opened = triage.openTicket(OpenTicketFromMailRequest.newBuilder()
				.setMailId(mailId).setCustomerId(customerId.strip()).setContactId(contactId.strip())
				.setRequesterName(requesterName.strip()).setKind(chosenKind).setCategory(chosenCategory).build());
			return "redirect:/console/tickets/" + UriUtils.encodePathSegment(opened.getTicketNumber(), "UTF-8");
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			return page(model, mailId, pages.errors(ex));
		}
		catch (NotFoundException ex) {
			response.setStatus(404);
			model.addAttribute("notice", "mail-triage.gone");
			return page(model, null, Map.of());
		}
	}

	@PostMapping("/console/mail-triage/{mailId}/discard")
	String discard(@PathVariable String mailId, Model model, HttpServletResponse response) {
		try {
			triage.discard(mailId);
			return "redirect:/console/mail-triage?discarded";
		}
		catch (NotFoundException ex) {
			response.setStatus(404);
			model.addAttribute("notice", "mail-triage.gone");
			return page(model, null, Map.of());
		}
	}

	/** The list; {@code failedMailId}'s form shows {@code errors} and keeps what was typed. */
	private String page(Model model, String failedMailId, Map<String, String> errors) {
		var waiting = triage.waiting();
		model.addAttribute("mails",
				waiting.getMailsList().stream().map(mail -> new Shown(mail, formats.html(mail.getBody()))).toList());
		model.addAttribute("total", waiting.getTotalCount());
		model.addAttribute("kinds", KINDS);
		model.addAttribute("categories", CATEGORIES);
		model.addAttribute("failedMailId", failedMailId);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Typed.NOTHING);
		}
		return "console/mail-triage";
	}
}
