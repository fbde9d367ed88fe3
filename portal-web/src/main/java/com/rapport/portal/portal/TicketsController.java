package com.rapport.portal.portal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.ticket.v1.ListTicketsRequest;
import com.rapport.contracts.ticket.v1.ListTicketsResponse;
import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketSort;
import com.rapport.contracts.ticket.v1.TicketStateFilter;
import com.rapport.portal.kb.SimilarArticles;
import com.rapport.portal.remote.KnowledgeBaseClient;
import com.rapport.portal.remote.TicketDeskClient;
import com.rapport.portal.web.TicketChoices;
import com.rapport.portal.web.TicketPages;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

/**
 * A contact's support desk: raising an issue (from anywhere, or from an order's page with the order preset),
 * the organisation's tickets, and a ticket's conversation to reply to, close or reopen. ticket-service decides
 * whose tickets those are (every contact of the organisation sees all of them) and never sends an internal note.
 */
@Controller
@PreAuthorize("hasRole('customer')")
class TicketsController {

	static final int PAGE_SIZE = 25;

	private final TicketDeskClient desk;

	private final TicketPages pages;

	private final KnowledgeBaseClient knowledgeBase;

	TicketsController(TicketDeskClient desk, TicketPages pages, KnowledgeBaseClient knowledgeBase) {
		this.desk = desk;
		this.pages = pages;
		this.knowledgeBase = knowledgeBase;
	}

	@GetMapping("/portal/tickets")
	String tickets(@RequestParam(defaultValue = "open") String state, @RequestParam(defaultValue = "") String page,
			Model model) {
		boolean closed = "closed".equals(state);
		ListTicketsResponse answer = desk.list(ListTicketsRequest.newBuilder()
			.setState(closed ? TicketStateFilter.TICKET_STATE_FILTER_CLOSED : TicketStateFilter.TICKET_STATE_FILTER_OPEN)
			.setSort(TicketSort.TICKET_SORT_NEWEST).setPageSize(PAGE_SIZE).setPageToken(page).build());
		model.addAttribute("state", closed ? "closed" : "open");
		model.addAttribute("tickets", answer.getTicketsList());
		model.addAttribute("total", answer.getTotalCount());
		model.addAttribute("olderPage", answer.getNextPageToken());
		model.addAttribute("laterPage", !page.isEmpty());
		return "portal/tickets";
	}

	@GetMapping("/portal/tickets/new")
	String newTicket(@RequestParam(name = "order", defaultValue = "") String orderNumber,
			@RequestParam(required = false) String refused, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (refused != null) {
			var draft = RefusedTicketDraft.take(request, response);
			if (draft.isPresent()) {
				response.setStatus(draft.get().status());
				return refusedForm(model, draft.get().form(), draft.get().errors());
			}
		}
		return form(model, new TicketForm("TICKET_KIND_REQUEST", "", "", "", "", "", orderNumber), Map.of());
	}

	@PostMapping("/portal/tickets")
	String open(@ModelAttribute TicketForm form,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response) {
		try {
			TicketDetail opened = desk.open(form.request().toBuilder().addAllAttachments(pages.uploads(files)).build());
			return "redirect:/portal/tickets/" + UriUtils.encodePathSegment(opened.getTicket().getNumber(), "UTF-8")
					+ "?opened";
		}
		catch (UnprocessableException ex) {
			// The form's address carries its CSRF token (it sends files): the refusal is answered with a redirect to
			// the form, what was typed following in a short-lived cookie, so the token leaves the address. A draft
			// too long for a cookie is answered in place.
			Map<String, String> errors = pages.errors(ex);
			var kept = RefusedTicketDraft.encode(form, TicketPages.status(ex), errors);
			if (kept.isPresent()) {
				RefusedTicketDraft.keep(response, kept.get());
				response.setStatus(HttpServletResponse.SC_SEE_OTHER);
				response.setHeader("Location", RefusedTicketDraft.PATH + "?refused");
				return null;
			}
			response.setStatus(TicketPages.status(ex));
			return refusedForm(model, form, errors);
		}
	}

	/** A refused form with what was typed and, since without a script nobody saw them while typing, the similar articles. */
	private String refusedForm(Model model, TicketForm form, Map<String, String> errors) {
		model.addAttribute("similar", SimilarArticles.find(knowledgeBase, form.subject(),
				"zh".equals(LocaleContextHolder.getLocale().getLanguage())));
		return form(model, form, errors);
	}

	@GetMapping("/portal/tickets/{id}")
	String ticket(@PathVariable String id, @RequestParam(required = false) String opened, Model model) {
		model.addAttribute("opened", opened != null);
		return pages.ticket(model, desk.ticket(id), "", Map.of(), "portal/ticket");
	}

	@PostMapping("/portal/tickets/{id}/replies")
	String reply(@PathVariable String id, @RequestParam(defaultValue = "") String body,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response) {
		try {
			desk.reply(id, body, pages.uploads(files));
			return "redirect:/portal/tickets/" + UriUtils.encodePathSegment(id, "UTF-8") + "#latest";
		}
		catch (UnprocessableException | ConflictException ex) {
			response.setStatus(TicketPages.status(ex));
			model.addAttribute("opened", false);
			return pages.ticket(model, desk.ticket(id), body, pages.errors(ex), "portal/ticket");
		}
	}

	/** A file of the conversation, as a download: ticket-service checks the ticket is the organisation's. */
	@GetMapping("/portal/tickets/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String attachmentId) {
		return TicketPages.download(desk.attachment(id, attachmentId));
	}

	@PostMapping("/portal/tickets/{id}/status")
	String changeStatus(@PathVariable String id, @RequestParam(defaultValue = "") String transition, Model model,
			HttpServletResponse response) {
		var chosen = TicketChoices.transition(transition);
		if (chosen.isEmpty()) {
			response.setStatus(422);
			model.addAttribute("opened", false);
			return pages.ticket(model, desk.ticket(id), "", pages.error("transition", "ticket.form.no-such-change"),
					"portal/ticket");
		}
		try {
			desk.changeStatus(id, chosen.get(), "");
			return "redirect:/portal/tickets/" + UriUtils.encodePathSegment(id, "UTF-8");
		}
		catch (UnprocessableException | ConflictException ex) {
			response.setStatus(ex instanceof ConflictException ? 409 : 422);
			model.addAttribute("opened", false);
			return pages.ticket(model, desk.ticket(id), "", pages.errors(ex), "portal/ticket");
		}
	}

	private static String form(Model model, TicketForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", TicketChoices.CATEGORIES);
		model.addAttribute("priorities", TicketChoices.PRIORITIES);
		model.addAttribute("severities", TicketChoices.SEVERITIES);
		return "portal/ticket-form";
	}

	/** The "raise an issue" form as posted. */
	record TicketForm(String kind, String category, String severity, String priority, String subject, String body,
			String orderNumber) {

		TicketForm {
			kind = text(kind);
			category = text(category);
			severity = text(severity);
			priority = text(priority);
			subject = subject == null ? "" : subject;
			body = body == null ? "" : body;
			orderNumber = text(orderNumber);
		}

		OpenTicketRequest request() {
			return TicketChoices.classify(OpenTicketRequest.newBuilder().setSubject(subject.strip())
				.setBody(body.strip()).setOrderNumber(orderNumber), kind, category, severity, priority).build();
		}

		private static String text(String value) {
			return value == null ? "" : value.strip();
		}
	}
}
