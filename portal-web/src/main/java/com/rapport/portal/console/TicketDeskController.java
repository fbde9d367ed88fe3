package com.rapport.portal.console;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.ticket.v1.AssigneeFilter;
import com.rapport.contracts.ticket.v1.ListTicketsRequest;
import com.rapport.contracts.ticket.v1.ListTicketsResponse;
import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.SlaState;
import com.rapport.contracts.ticket.v1.SlaTier;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketSort;
import com.rapport.contracts.ticket.v1.TicketStateFilter;
import com.rapport.portal.remote.AssignmentClient;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.remote.MacroClient;
import com.rapport.contracts.ticket.v1.RenderedMacro;
import com.rapport.portal.remote.TicketDeskClient;
import com.rapport.portal.web.TicketChoices;
import com.rapport.portal.web.TicketPages;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;

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
 * The support desk as staff work it: the queue (mine, unassigned, at risk, breached, everything open; by tier
 * and channel; read most urgent first from ticket-service's indexes and paged by its token) with SLA countdowns
 * of the working time left, a ticket with its conversation and internal notes beside the customer's
 * summary, and logging a ticket taken by phone, chat, instant message or mail. ticket-service checks every
 * permission again.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class TicketDeskController {

	private static final Logger log = LoggerFactory.getLogger(TicketDeskController.class);

	static final int PAGE_SIZE = 50;

	/** The queue's views, in the order the page offers them. */
	static final List<String> VIEWS = List.of("mine", "unassigned", "at-risk", "breached", "promises-due", "open",
			"closed");

	static final List<SlaTier> TIERS = List.of(SlaTier.SLA_TIER_VIP, SlaTier.SLA_TIER_KEY, SlaTier.SLA_TIER_NORMAL);

	private final TicketDeskClient desk;

	private final CustomerClient customers;

	private final TicketPages pages;

	private final AssignmentClient assignment;

	private final MacroClient macros;

	private final com.rapport.portal.remote.CommitmentClient commitments;

	private final com.rapport.portal.web.Formats formats;

	TicketDeskController(TicketDeskClient desk, CustomerClient customers, TicketPages pages,
			AssignmentClient assignment, MacroClient macros, com.rapport.portal.remote.CommitmentClient commitments,
			com.rapport.portal.web.Formats formats) {
		this.commitments = commitments;
		this.formats = formats;
		this.desk = desk;
		this.customers = customers;
		this.pages = pages;
		this.assignment = assignment;
		this.macros = macros;
	}

	@GetMapping("/console/tickets")
	String queue(@RequestParam(defaultValue = "open") String view, @RequestParam(defaultValue = "") String tier,
			@RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String page, Model model) {
		String shown = VIEWS.contains(view) ? view : "open";
		ListTicketsRequest.Builder request = ListTicketsRequest.newBuilder().setPageSize(PAGE_SIZE).setPageToken(page)
			.setState("closed".equals(shown) ? TicketStateFilter.TICKET_STATE_FILTER_CLOSED
					: TicketStateFilter.TICKET_STATE_FILTER_OPEN);
		switch (shown) {
			case "mine" -> request.setAssignee(AssigneeFilter.ASSIGNEE_FILTER_ME);
			case "unassigned" -> request.setAssignee(AssigneeFilter.ASSIGNEE_FILTER_UNASSIGNED);
			case "at-risk" -> request.addSlaStates(SlaState.SLA_STATE_AT_RISK);
			case "breached" -> request.addSlaStates(SlaState.SLA_STATE_BREACHED);
			// Promises falling due within the reminder lead time or overdue, whatever the ticket's status (session 17).
			case "promises-due" -> request.setPromisesDue(true).setState(TicketStateFilter.TICKET_STATE_FILTER_UNSPECIFIED);
			// Done tickets have no urgency left: the latest first, paged by the store.
			case "closed" -> request.setSort(TicketSort.TICKET_SORT_NEWEST);
			default -> {
			}
		}
		TicketChoices.chosen(TIERS, tier).ifPresent(request::addTiers);
		TicketChoices.chosen(CHANNELS, channel).ifPresent(request::addChannels);
		ListTicketsResponse answer = desk.list(request.build());
		model.addAttribute("view", shown);
		model.addAttribute("views", VIEWS);
		model.addAttribute("tier", TicketChoices.chosen(TIERS, tier).map(Enum::name).orElse(""));
		model.addAttribute("channel", TicketChoices.chosen(CHANNELS, channel).map(Enum::name).orElse(""));
		model.addAttribute("tiers", TIERS);
		model.addAttribute("channels", CHANNELS);
		model.addAttribute("tickets", answer.getTicketsList());
		model.addAttribute("total", answer.getTotalCount());
		model.addAttribute("promisesDue", answer.getPromisesDueCount());
		model.addAttribute("olderPage", answer.getNextPageToken());
		model.addAttribute("laterPage", !page.isEmpty());
		model.addAttribute("agents", agents());
		return "console/tickets";
	}

	static final List<com.rapport.contracts.ticket.v1.TicketChannel> CHANNELS = List.of(
			com.rapport.contracts.ticket.v1.TicketChannel.TICKET_CHANNEL_PORTAL,
			com.rapport.contracts.ticket.v1.TicketChannel.TICKET_CHANNEL_EMAIL,
			com.rapport.contracts.ticket.v1.TicketChannel.TICKET_CHANNEL_PHONE,
			com.rapport.contracts.ticket.v1.TicketChannel.TICKET_CHANNEL_CHAT,
			com.rapport.contracts.ticket.v1.TicketChannel.TICKET_CHANNEL_IM,
			com.rapport.contracts.ticket.v1.TicketChannel.TICKET_CHANNEL_PARTNER);

	/** The ticket's page; with {@code macro}, that macro filled in for the ticket as the reply's draft. */
	@GetMapping("/console/tickets/{id}")
	String ticket(@PathVariable String id, @RequestParam(defaultValue = "") String macro, Model model,
			HttpServletResponse response) {
		TicketDetail detail = desk.ticket(id);
		if (macro.isBlank()) {
			return page(model, detail, "", "", Map.of());
		}
		try {
			RenderedMacro rendered = macros.render(macro.strip(), detail.getTicket().getId());
			model.addAttribute("macroLanguage", rendered.getLanguage());
			return page(model, detail, rendered.getBody(), "", Map.of());
		}
		catch (NotFoundException ex) {
			response.setStatus(422);
			return page(model, detail, "", "", pages.error("macro", "console.ticket.macro.unknown"));
		}
	}

	@PostMapping("/console/tickets/{id}/replies")
	String reply(@PathVariable String id, @RequestParam(defaultValue = "") String body,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response) {
		try {
			desk.reply(id, body, pages.uploads(files));
			return redirect(id);
		}
		catch (UnprocessableException | ConflictException ex) {
			response.setStatus(TicketPages.status(ex));
			return page(model, desk.ticket(id), body, "", pages.errors(ex));
		}
	}

	/** A file of the conversation, as a download (ticket-service checks the caller may read it). */
	@GetMapping("/console/tickets/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String attachmentId) {
		return TicketPages.download(desk.attachment(id, attachmentId));
	}

	@PostMapping("/console/tickets/{id}/notes")
	String note(@PathVariable String id, @RequestParam(defaultValue = "") String body, Model model,
			HttpServletResponse response) {
		try {
			desk.note(id, body);
			return redirect(id);
		}
		catch (UnprocessableException | ConflictException ex) {
			response.setStatus(ex instanceof ConflictException ? 409 : 422);
			Map<String, String> errors = new java.util.LinkedHashMap<>(pages.errors(ex));
			// The page has two text boxes: the note's error goes under the note.
			if (errors.containsKey("body")) {
				errors.put("note", errors.remove("body"));
			}
			return page(model, desk.ticket(id), "", body, errors);
		}
	}

	@PostMapping("/console/tickets/{id}/status")
	String changeStatus(@PathVariable String id, @RequestParam(defaultValue = "") String transition,
			@RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
		var chosen = TicketChoices.transition(transition);
		if (chosen.isEmpty()) {
			response.setStatus(422);
			return page(model, desk.ticket(id), "", "", pages.error("transition", "ticket.form.no-such-change"));
		}
		try {
			desk.changeStatus(id, chosen.get(), reason.strip());
			return redirect(id);
		}
		catch (UnprocessableException | ConflictException ex) {
			response.setStatus(ex instanceof ConflictException ? 409 : 422);
			return page(model, desk.ticket(id), "", "", pages.errors(ex));
		}
	}

	/**
	 * A change of priority with its reason (kept as an internal note; ticket-service moves the running due times).
	 * A priority the form does not offer is refused here, not sent.
	 */
	@PostMapping("/console/tickets/{id}/priority")
	String changePriority(@PathVariable String id, @RequestParam(defaultValue = "") String priority,
			@RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
		var chosen = TicketChoices.chosen(TicketChoices.PRIORITIES, priority);
		if (chosen.isEmpty()) {
			response.setStatus(422);
			model.addAttribute("priorityReason", reason);
			return page(model, desk.ticket(id), "", "", pages.error("priority", "ticket.priority.required"));
		}
		try {
			desk.changePriority(id, chosen.get(), reason.strip());
			return redirect(id);
		}
		catch (UnprocessableException | ConflictException ex) {
			response.setStatus(ex instanceof ConflictException ? 409 : 422);
			model.addAttribute("priorityReason", reason);
			return page(model, desk.ticket(id), "", "", pages.errors(ex));
		}
	}

	/** Merges this ticket, a duplicate, into {@code survivor} (its number) with a reason; then shows the survivor. */
	@PostMapping("/console/tickets/{id}/merge")
	String merge(@PathVariable String id, @RequestParam(defaultValue = "") String survivor,
			@RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
		try {
			TicketDetail kept = desk.merge(id, survivor.strip(), reason.strip());
			return redirect(kept.getTicket().getNumber());
		}
		catch (UnprocessableException | ConflictException | NotFoundException ex) {
			response.setStatus(ex instanceof NotFoundException ? 404 : TicketPages.status(ex));
			Map<String, String> errors = ex instanceof NotFoundException
					? pages.error("survivor", "console.ticket.merge.no-such-ticket") : pages.errors(ex);
			model.addAttribute("mergeSurvivor", survivor);
			model.addAttribute("mergeReason", reason);
			return page(model, desk.ticket(id), "", "", errors);
		}
	}

	/** The kinds of promise the form offers, in its order. */
	static final List<com.rapport.contracts.ticket.v1.CommitmentKind> COMMITMENT_KINDS = List.of(
			com.rapport.contracts.ticket.v1.CommitmentKind.COMMITMENT_KIND_CALL_BACK,
			com.rapport.contracts.ticket.v1.CommitmentKind.COMMITMENT_KIND_FIX,
			com.rapport.contracts.ticket.v1.CommitmentKind.COMMITMENT_KIND_CREDIT_NOTE,
			com.rapport.contracts.ticket.v1.CommitmentKind.COMMITMENT_KIND_OTHER);

	/**
	 * Records a promise made in the ticket: its kind, what (in the customer's words), who keeps it (an agent of the
	 * teams, the caller when none is chosen) and by when, a date and time in the viewer's zone. A due time that is
	 * not one is refused here (nothing sent); ticket-service's refusals come back beside each field.
	 */
	@PostMapping("/console/tickets/{id}/commitments")
	String recordCommitment(@PathVariable String id, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String what, @RequestParam(defaultValue = "") String ownerId,
			@RequestParam(defaultValue = "") String due, Model model, HttpServletResponse response) {
		model.addAttribute("commitmentDraft", new CommitmentDraft(kind, what, ownerId, due));
		java.time.Instant dueAt = null;
		if (!due.isBlank()) {
			try {
				dueAt = java.time.LocalDateTime.parse(due.strip()).atZone(formats.zone()).toInstant();
			}
			catch (java.time.format.DateTimeParseException ex) {
				response.setStatus(422);
				return page(model, desk.ticket(id), "", "", pages.error("dueAt", "commitment.due.invalid"));
			}
		}
		var chosen = TicketChoices.chosen(COMMITMENT_KINDS, kind)
			.orElse(com.rapport.contracts.ticket.v1.CommitmentKind.COMMITMENT_KIND_UNSPECIFIED);
		try {
			String owner = ownerId.strip();
			commitments.record(id, chosen, what.strip(), owner, owner.isEmpty() ? "" : agents().getOrDefault(owner, ""),
					dueAt);
			return redirect(id).replace("#latest", "#commitments");
		}
		catch (UnprocessableException | ConflictException ex) {
			response.setStatus(TicketPages.status(ex));
			return page(model, desk.ticket(id), "", "", pages.errors(ex));
		}
	}

	/** The owner (or a manager) marks the promise kept. */
	@PostMapping("/console/tickets/{id}/commitments/{commitmentId}/kept")
	String keepCommitment(@PathVariable String id, @PathVariable String commitmentId, Model model,
			HttpServletResponse response) {
		try {
			commitments.keep(id, commitmentId);
			return redirect(id).replace("#latest", "#commitments");
		}
		catch (UnprocessableException | ConflictException ex) {
			response.setStatus(TicketPages.status(ex));
			return page(model, desk.ticket(id), "", "", pages.errors(ex));
		}
	}

	/** Staff cancel a promise with a reason; the customer no longer sees it. */
	@PostMapping("/console/tickets/{id}/commitments/{commitmentId}/cancel")
	String cancelCommitment(@PathVariable String id, @PathVariable String commitmentId,
			@RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
		try {
			commitments.cancel(id, commitmentId, reason.strip());
			return redirect(id).replace("#latest", "#commitments");
		}
		catch (UnprocessableException | ConflictException ex) {
			response.setStatus(TicketPages.status(ex));
			Map<String, String> errors = new java.util.LinkedHashMap<>(pages.errors(ex));
			// The reason box of this commitment's row, not the status change's.
			if (errors.containsKey("reason")) {
				errors.put("cancel-" + commitmentId, errors.remove("reason"));
			}
			return page(model, desk.ticket(id), "", "", errors);
		}
	}

	/** A promise's form as posted, shown again with a refusal. */
	record CommitmentDraft(String kind, String what, String ownerId, String due) {
	}

	/** The caller takes the ticket ({@code assigneeId} empty), or gives it to an agent of a team. */
	@PostMapping("/console/tickets/{id}/assignee")
	String take(@PathVariable String id, @RequestParam(defaultValue = "") String assigneeId,
			@RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
		try {
			String to = assigneeId.strip();
			desk.assign(id, to, to.isEmpty() ? "" : agents().getOrDefault(to, ""), reason.strip());
			return redirect(id);
		}
		catch (UnprocessableException | ConflictException ex) {
			response.setStatus(ex instanceof ConflictException ? 409 : 422);
			return page(model, desk.ticket(id), "", "", pages.errors(ex));
		}
	}

	@GetMapping("/console/tickets/new")
	String newTicket(@RequestParam(name = "customer", defaultValue = "") String customerId, Model model) {
		return logForm(model, new LoggedTicket(customerId, "", "TICKET_CHANNEL_PHONE", "TICKET_KIND_REQUEST", "", "",
				"", "", "", ""), Map.of());
	}

	@PostMapping("/console/tickets")
	String log(@ModelAttribute LoggedTicket form, Model model, HttpServletResponse response) {
		try {
			OpenTicketRequest.Builder request = form.request().toBuilder();
			// The contact's name and email as customer-service knows them, so the ticket says who raised it.
			Organisation organisation = form.contactId().isEmpty() ? null : organisationOrNull(form.customerId());
			if (organisation != null) {
				organisation.getContactsList().stream().filter(c -> c.getId().equals(form.contactId())).findFirst()
					.ifPresent(c -> request.setRequesterName(c.getName()).setRequesterEmail(c.getEmail()));
			}
			TicketDetail opened = desk.open(request.build());
			return redirect(opened.getTicket().getNumber());
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			return logForm(model, form, pages.errors(ex));
		}
	}

	private String logForm(Model model, LoggedTicket form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("organisation", form.customerId().isBlank() ? null : organisationOrNull(form.customerId().strip()));
		model.addAttribute("channels", TicketChoices.LOGGED_CHANNELS);
		model.addAttribute("categories", TicketChoices.CATEGORIES);
		model.addAttribute("priorities", TicketChoices.PRIORITIES);
		model.addAttribute("severities", TicketChoices.SEVERITIES);
		return "console/ticket-form";
	}

	private String page(Model model, TicketDetail detail, String draft, String noteDraft, Map<String, String> errors) {
		model.addAttribute("noteDraft", noteDraft);
		model.addAttribute("priorities", TicketChoices.PRIORITIES);
		model.addAttribute("agents", agents());
		model.addAttribute("macros", macroList());
		model.addAttribute("commitmentKinds", COMMITMENT_KINDS);
		model.addAttribute("viewerZone", formats.zone().getId());
		if (!model.containsAttribute("commitmentDraft")) {
			model.addAttribute("commitmentDraft", new CommitmentDraft("", "", "", ""));
		}
		model.addAttribute("organisation", organisationOrNull(detail.getTicket().getCustomerId()));
		return pages.ticket(model, detail, draft, errors, "console/ticket");
	}

	/**
	 * The teams' agents (user name to display name) a ticket may be given to; none while ticket-service cannot list
	 * them (the pages still work: taking a ticket needs no list).
	 */
	private Map<String, String> agents() {
		try {
			return AssignmentController.agents(assignment.teams());
		}
		catch (RemoteUnavailableException ex) {
			log.warn("Page without the teams' agents: {}", ex.getMessage());
			return Map.of();
		}
	}

	/** The macros staff may insert into a reply; none while ticket-service cannot list them. */
	private java.util.List<com.rapport.contracts.ticket.v1.Macro> macroList() {
		try {
			return macros.macros();
		}
		catch (RemoteUnavailableException ex) {
			log.warn("Page without the macros: {}", ex.getMessage());
			return java.util.List.of();
		}
	}

	/** The customer's summary beside the ticket; the page still works, saying so, while customer-service is down. */
	private Organisation organisationOrNull(String id) {
		try {
			return customers.organisation(id);
		}
		catch (RemoteUnavailableException | NotFoundException ex) {
			log.warn("Ticket page without the customer's summary: {}", ex.getMessage());
			return null;
		}
	}

	private static String redirect(String id) {
		return "redirect:/console/tickets/" + UriUtils.encodePathSegment(id, "UTF-8") + "#latest";
	}

	/** A ticket an agent logs for a contact, as posted. */
	record LoggedTicket(String customerId, String contactId, String channel, String kind, String category,
			String severity, String priority, String subject, String body, String orderNumber) {

		LoggedTicket {
			customerId = text(customerId);
			contactId = text(contactId);
			channel = text(channel);
			kind = text(kind);
			category = text(category);
			severity = text(severity);
			priority = text(priority);
			subject = subject == null ? "" : subject;
			body = body == null ? "" : body;
			orderNumber = text(orderNumber);
		}

		OpenTicketRequest request() {
			OpenTicketRequest.Builder request = OpenTicketRequest.newBuilder().setCustomerId(customerId)
				.setContactId(contactId).setSubject(subject.strip()).setBody(body.strip()).setOrderNumber(orderNumber);
			TicketChoices.chosen(TicketChoices.LOGGED_CHANNELS, channel).ifPresent(request::setChannel);
			return TicketChoices.classify(request, kind, category, severity, priority).build();
		}

		private static String text(String value) {
			return value == null ? "" : value.strip();
		}
	}
}
