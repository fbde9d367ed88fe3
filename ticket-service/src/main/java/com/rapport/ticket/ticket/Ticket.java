package com.rapport.ticket.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.SlaClock;
import com.rapport.ticket.sla.SlaPolicy;
import com.rapport.ticket.sla.SlaState;
import com.rapport.ticket.sla.Tier;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A support request or complaint of a customer organisation. {@code number} (T-1001) is what people quote;
 * {@code tier} is the organisation's tier the SLA was picked by, {@code tierAssumed} true when customer-service
 * could not be asked then. {@code messages} is the conversation (public replies and internal notes, oldest
 * first); {@code outbox} holds the events the timeline has still to hear of (see {@link TicketOutbox}),
 * {@code surveyRequests} the resolutions feedback-service has still to hear of (see {@link SurveyRequestOutbox}),
 * {@code customerMails} the mails the requester is still owed (an acknowledgement, staff's public replies).
 * {@code assigneeId} is the user name of the agent working it, {@code assignee} their display name.
 * Changes answer a new ticket; the stored one changes only when saved (with its version: a concurrent change
 * makes the later save fail).
 */
@Document("tickets")
@CompoundIndexes({ @CompoundIndex(name = "number", def = "{'number': 1}", unique = true),
		@CompoundIndex(name = "customer_status_opened", def = "{'customerId': 1, 'status': 1, 'openedAt': 1}"),
		@CompoundIndex(name = "customer_requester", def = "{'customerId': 1, 'requester.contactId': 1}"),
		@CompoundIndex(name = "status_opened", def = "{'status': 1, 'openedAt': 1}"),
		@CompoundIndex(name = "status_resolved", def = "{'status': 1, 'resolvedAt': 1}"),
		@CompoundIndex(name = "outbox_pending", def = "{'outbox.eventId': 1}", sparse = true),
		@CompoundIndex(name = "survey_requests_pending", def = "{'surveyRequests.eventId': 1}", sparse = true),
		@CompoundIndex(name = "queue_due", def = "{'queue.lane': 1, 'queue.slaDueAt': 1, '_id': 1}"),
		@CompoundIndex(name = "queue_assignee_due",
				def = "{'queue.assignee': 1, 'queue.lane': 1, 'queue.slaDueAt': 1, '_id': 1}"),
		@CompoundIndex(name = "queue_paused", def = "{'queue.lane': 1, 'queue.pausedLeftSeconds': 1, '_id': 1}"),
		@CompoundIndex(name = "escalation_mail_pending", def = "{'escalations.mailPending': 1}", sparse = true),
		@CompoundIndex(name = "customer_mails_pending", def = "{'customerMails.eventId': 1}", sparse = true),
		@CompoundIndex(name = "commitments_pending_remind", def = "{'commitments.remindKey': 1}", sparse = true),
		@CompoundIndex(name = "commitments_pending_break", def = "{'commitments.breakKey': 1}", sparse = true),
		@CompoundIndex(name = "commitments_due", def = "{'commitments.dueAt': 1}", sparse = true),
		@CompoundIndex(name = "queue_promise_due", def = "{'queue.promiseDueAt': 1, '_id': 1}"),
		@CompoundIndex(name = "queue_done", def = "{'queue.lane': 1, 'openedAt': 1, '_id': 1}"),
		@CompoundIndex(name = "customer_queue_done", def = "{'customerId': 1, 'queue.lane': 1, 'openedAt': 1, '_id': 1}") })
public record Ticket(@Id String id, String number, String customerId, String subject, TicketKind kind,
		Priority priority, TicketStatus status, Channel channel, Instant openedAt, Requester requester, String assignee,
		Instant firstRespondedAt, Instant resolvedAt, Tier tier, Boolean tierAssumed, SlaClock sla,
		@CreatedDate Instant createdAt, @Version Long version, List<TicketEvent> outbox,
		List<UndeliverableEvent> undeliverable, Classification classification, String assigneeId, Instant closedAt,
		Instant updatedAt, Boolean firstContactResolution, Integer reopenCount, List<TicketMessage> messages,
		PartnerRequest partnerRequest, List<SurveyRequest> surveyRequests, QueueKeys queue,
		List<Escalation> escalations, List<CustomerMail> customerMails, Merge merge, List<Commitment> commitments) {

	@PersistenceCreator
	public Ticket {
		// A read that leaves the field out (the relay's, a list's) must still make a ticket.
		tierAssumed = Boolean.TRUE.equals(tierAssumed);
		firstContactResolution = Boolean.TRUE.equals(firstContactResolution);
		reopenCount = reopenCount == null ? 0 : reopenCount;
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
		undeliverable = undeliverable == null ? List.of() : List.copyOf(undeliverable);
		messages = messages == null ? List.of() : List.copyOf(messages);
		surveyRequests = surveyRequests == null ? List.of() : List.copyOf(surveyRequests);
		escalations = escalations == null ? List.of() : List.copyOf(escalations);
		customerMails = customerMails == null ? List.of() : List.copyOf(customerMails);
		commitments = commitments == null ? List.of() : List.copyOf(commitments);
		// Derived, never taken as read: stored with every save, so the queue's indexes follow each change.
		queue = QueueKeys.of(status, sla, firstRespondedAt, resolvedAt, assigneeId, commitments);
	}

	/** A ticket as the service makes it; its queue keys are worked out (see {@link QueueKeys}). */
	public Ticket(String id, String number, String customerId, String subject, TicketKind kind, Priority priority,
			TicketStatus status, Channel channel, Instant openedAt, Requester requester, String assignee,
			Instant firstRespondedAt, Instant resolvedAt, Tier tier, Boolean tierAssumed, SlaClock sla,
			Instant createdAt, Long version, List<TicketEvent> outbox, List<UndeliverableEvent> undeliverable,
			Classification classification, String assigneeId, Instant closedAt, Instant updatedAt,
			Boolean firstContactResolution, Integer reopenCount, List<TicketMessage> messages,
			PartnerRequest partnerRequest, List<SurveyRequest> surveyRequests) {
		this(id, number, customerId, subject, kind, priority, status, channel, openedAt, requester, assignee,
				firstRespondedAt, resolvedAt, tier, tierAssumed, sla, createdAt, version, outbox, undeliverable,
				classification, assigneeId, closedAt, updatedAt, firstContactResolution, reopenCount, messages,
				partnerRequest, surveyRequests, null, List.of(), List.of(), null, List.of());
	}

	/** A ticket without conversation or classification, as the first slice stored them (tests, imports). */
	public Ticket(String id, String number, String customerId, String subject, TicketKind kind, Priority priority,
			TicketStatus status, Channel channel, Instant openedAt, Requester requester, String assignee,
			Instant firstRespondedAt, Instant resolvedAt, Tier tier, Boolean tierAssumed, SlaClock sla,
			Instant createdAt, Long version, List<TicketEvent> outbox, List<UndeliverableEvent> undeliverable) {
		this(id, number, customerId, subject, kind, priority, status, channel, openedAt, requester, assignee,
				firstRespondedAt, resolvedAt, tier, tierAssumed, sla, createdAt, version, outbox, undeliverable, null,
				null, null, null, false, 0, List.of(), null, List.of());
	}

	/** An event customer-service refused for good, kept with its reason (see {@link TicketOutbox}). */
	public record UndeliverableEvent(String eventId, String kind, String reason) {
	}

	public boolean isOpen() {
		return status.isOpen();
	}

	/** Where the ticket stands against its SLA at {@code now}. */
	public SlaState slaStateAt(Instant now, int atRiskPercent) {
		return sla.stateAt(now, firstRespondedAt, resolvedAt, atRiskPercent);
	}

	/** The due time that matters next (see {@link SlaClock#nextDueAt}). */
	public Instant nextDueAt(Instant now) {
		return sla.nextDueAt(now, firstRespondedAt != null);
	}

	/** The last change: the update time, else the opening. */
	public Instant lastChangedAt() {
		return updatedAt != null ? updatedAt : openedAt;
	}

	/** The same ticket with the event its opening must be told as (it must have its id and number). */
	Ticket withEventOfOpening() {
		TicketEvent opened = new TicketEvent("ticket-opened:" + id, TicketEvent.Kind.TICKET_OPENED, openedAt,
				label() + " " + number + " opened: " + subject, facts());
		return edit(draft -> draft.outbox.add(opened));
	}

	/** The same ticket owing its requester the acknowledgement of its opening (sent once, by mail). */
	Ticket acknowledged() {
		return edit(draft -> draft.customerMails
			.add(new CustomerMail("mail-ack:" + id, CustomerMail.Kind.ACKNOWLEDGEMENT, null, openedAt)));
	}

	/** The same ticket owing its requester staff's public {@code reply} (sent by mail if that is their channel). */
	Ticket withReplyToMail(TicketMessage reply) {
		return edit(draft -> draft.customerMails
			.add(new CustomerMail("mail-reply:" + reply.id(), CustomerMail.Kind.REPLY, reply.id(), reply.at())));
	}

	/** The ticket with one more message, changed at its time. */
	Ticket withMessage(TicketMessage message) {
		return edit(draft -> {
			draft.messages.add(message);
			draft.updatedAt = message.at();
		});
	}

	/** The first response, given at {@code at} by {@code responder}, who takes the ticket if nobody has it. */
	Ticket respondedAt(Instant at, String responder) {
		return respondedAt(at, null, responder);
	}

	/**
	 * A public answer of staff at {@code at}: the first response when none was given yet (a NEW ticket becomes
	 * OPEN), and the responder ({@code responderId}, {@code responderName}) takes the ticket if nobody has it.
	 */
	Ticket respondedAt(Instant at, String responderId, String responderName) {
		boolean unassigned = assignee == null || assignee.isBlank();
		return edit(draft -> {
			draft.status = status == TicketStatus.NEW ? TicketStatus.OPEN : status;
			draft.firstRespondedAt = firstRespondedAt == null ? at : firstRespondedAt;
			draft.sla = sla.answeredAt(at);
			if (unassigned) {
				draft.assignee = responderName;
				draft.assigneeId = responderId;
			}
			draft.updatedAt = later(updatedAt, at);
		});
	}

	/**
	 * Waiting on the customer from {@code at}: the timers stand still. Asking the customer answers them, so
	 * it counts as the first response when none was given, and answers a reply they were owed.
	 */
	Ticket waitingOnCustomerFrom(Instant at, BusinessCalendar calendar) {
		return edit(draft -> {
			draft.status = TicketStatus.PENDING;
			draft.firstRespondedAt = firstRespondedAt == null ? at : firstRespondedAt;
			draft.sla = sla.answeredAt(at).pausedAt(at, true, calendar);
			draft.updatedAt = later(updatedAt, at);
		});
	}

	/** Back from the customer at {@code at}: the timers run again, due later by the working time waited. */
	Ticket resumedAt(Instant at, BusinessCalendar calendar) {
		return edit(draft -> {
			draft.status = TicketStatus.OPEN;
			draft.sla = sla.resumedAt(at, firstRespondedAt != null, calendar);
			draft.updatedAt = later(updatedAt, at);
		});
	}

	/**
	 * Resolved at {@code at} (a wait on the customer ends then), with the event the timeline must hear of and
	 * whether it was resolved at first contact: exactly one public staff reply and no reply of the customer
	 * after the opening message.
	 */
	Ticket resolvedAt(Instant at, BusinessCalendar calendar) {
		SlaClock running = sla.resumedAt(at, firstRespondedAt != null, calendar).answeredAt(at);
		// A ticket resolved again after a reopening is a new resolution on the timeline.
		String eventId = "ticket-resolved:" + id + (reopenCount > 0 ? ":" + (reopenCount + 1) : "");
		TicketEvent resolved = new TicketEvent(eventId, TicketEvent.Kind.TICKET_RESOLVED, at,
				label() + " " + number + " resolved: " + subject, facts());
		return edit(draft -> {
			draft.status = TicketStatus.RESOLVED;
			draft.resolvedAt = at;
			draft.sla = running;
			draft.outbox.add(resolved);
			draft.surveyRequests.add(new SurveyRequest(eventId, at));
			draft.firstContactResolution = resolvedAtFirstContact();
			draft.updatedAt = later(updatedAt, at);
		});
	}

	private boolean resolvedAtFirstContact() {
		List<TicketMessage> replies = messages.isEmpty() ? List.of() : messages.subList(1, messages.size());
		long staff = replies.stream().filter(m -> m.isPublic() && m.authorKind() == AuthorKind.STAFF).count();
		long customer = replies.stream().filter(m -> m.isPublic() && m.authorKind() == AuthorKind.CUSTOMER).count();
		return reopenCount == 0 && staff == 1 && customer == 0;
	}

	/** Closed at {@code at}: final. */
	Ticket closedAt(Instant at) {
		return edit(draft -> {
			draft.status = TicketStatus.CLOSED;
			draft.closedAt = at;
			draft.updatedAt = later(updatedAt, at);
		});
	}

	/**
	 * Open again at {@code at} after a resolution: no longer resolved, not resolved at first contact; the
	 * timers run on against the due times the ticket had.
	 */
	Ticket reopenedAt(Instant at) {
		return edit(draft -> {
			draft.status = TicketStatus.OPEN;
			draft.resolvedAt = null;
			draft.firstContactResolution = false;
			draft.reopenCount = reopenCount + 1;
			draft.updatedAt = later(updatedAt, at);
		});
	}

	/**
	 * The customer wrote at {@code at} (after the status change their reply makes): once staff have responded,
	 * they owe a reply within the next-reply target.
	 */
	Ticket customerWroteAt(Instant at, BusinessCalendar calendar, int atRiskPercent) {
		if (firstRespondedAt == null || !isOpen()) {
			return this;
		}
		return edit(draft -> draft.sla = sla.replyOwedFrom(at, calendar, atRiskPercent));
	}

	/**
	 * Worked at {@code newPriority} from {@code at}: the running targets become those of {@code policy} (see
	 * {@link SlaClock#retargeted}).
	 */
	Ticket prioritisedAt(Priority newPriority, SlaPolicy policy, BusinessCalendar calendar, int atRiskPercent,
			Instant at) {
		return edit(draft -> {
			draft.priority = newPriority;
			draft.sla = sla.retargeted(policy, at, firstRespondedAt != null, calendar, atRiskPercent);
			draft.updatedAt = later(updatedAt, at);
		});
	}

	/** Whether the ticket was escalated for that reason already. */
	public boolean escalated(Escalation.Kind kind) {
		return escalations.stream().anyMatch(e -> e.kind() == kind);
	}

	/**
	 * Escalated at {@code at} for {@code kind}, with the reason as an internal note of the platform: the manager's
	 * mail is owed. A breach also raises the priority one step, its running targets becoming {@code policy}'s
	 * as a change of priority makes them.
	 */
	Ticket escalatedAt(Escalation.Kind kind, Instant at, String reason, SlaPolicy policy, BusinessCalendar calendar,
			int atRiskPercent) {
		Priority raised = kind == Escalation.Kind.BREACH ? Escalation.stepUp(priority) : priority;
		Ticket changed = raised == priority ? this : prioritisedAt(raised, policy, calendar, atRiskPercent, at);
		return changed.edit(draft -> {
			draft.escalations.add(new Escalation(kind, at, priority, raised, reason, true, null, null));
			draft.messages.add(Author.SYSTEM.says(reason, true, at));
		});
	}

	/** The manager's mail about the {@code kind} escalation went out at {@code at}. */
	Ticket escalationMailedAt(Escalation.Kind kind, Instant at) {
		return edit(draft -> draft.escalations.replaceAll(e -> e.kind() == kind ? e.mailed(at) : e));
	}

	/** Worked by {@code assigneeId} (user name), shown as {@code assigneeName}, from {@code at}. */
	Ticket assignedTo(String assigneeId, String assigneeName, Instant at) {
		return edit(draft -> {
			draft.assigneeId = assigneeId;
			draft.assignee = assigneeName;
			draft.updatedAt = later(updatedAt, at);
		});
	}

	/** The same ticket remembering the partner request that opened it. */
	Ticket openedBy(PartnerRequest request) {
		return edit(draft -> draft.partnerRequest = request);
	}

	/** Merged into another ticket at {@code merge.at()}: closed, pointing at it. */
	Ticket mergedInto(Merge into) {
		return edit(draft -> {
			draft.merge = into;
			draft.status = TicketStatus.CLOSED;
			draft.closedAt = into.at();
			draft.updatedAt = later(updatedAt, into.at());
		});
	}

	/**
	 * The ticket with one more commitment, made at {@code commitment.madeAt()}, with the event the timeline must hear
	 * of (made).
	 */
	Ticket withCommitment(Commitment commitment) {
		return edit(draft -> {
			draft.commitments.add(commitment);
			draft.outbox.add(commitmentEvent(commitment, TicketEvent.Kind.COMMITMENT_MADE, commitment.madeAt()));
			draft.updatedAt = later(updatedAt, commitment.madeAt());
		});
	}

	/** The commitment with {@code id}, if the ticket has one. */
	public java.util.Optional<Commitment> commitment(String commitmentId) {
		return commitments.stream().filter(c -> c.id().equals(commitmentId)).findFirst();
	}

	/**
	 * The ticket with its commitment {@code changed} (same id) at {@code at}, and the events its change tells the
	 * timeline: kept, and broken when it was not broken before and is now (counted once).
	 */
	Ticket withCommitmentChanged(Commitment changed, Instant at) {
		return withCommitmentChanged(changed, at, true);
	}

	/** As {@link #withCommitmentChanged(Commitment, Instant)}; the platform's own change ({@code byPerson} false) leaves the last change (the quiet period before auto-close) as it was. */
	Ticket withCommitmentChanged(Commitment changed, Instant at, boolean byPerson) {
		Commitment before = commitment(changed.id()).orElseThrow();
		return edit(draft -> {
			draft.commitments.replaceAll(c -> c.id().equals(changed.id()) ? changed : c);
			if (before.status() != Commitment.Status.KEPT && changed.status() == Commitment.Status.KEPT) {
				draft.outbox.add(commitmentEvent(changed, TicketEvent.Kind.COMMITMENT_KEPT, at));
			}
			if (before.brokenAt() == null && changed.brokenAt() != null) {
				draft.outbox.add(commitmentEvent(changed, TicketEvent.Kind.COMMITMENT_BROKEN, changed.brokenAt()));
			}
			if (byPerson) {
				draft.updatedAt = later(updatedAt, at);
			}
		});
	}

	/** What the timeline hears of a commitment: the ticket's number, its kind and its words; never who owns it. */
	TicketEvent commitmentEvent(Commitment commitment, TicketEvent.Kind kind, Instant at) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("ticket_number", number);
		facts.put("commitment_id", commitment.id());
		facts.put("commitment_kind", commitment.kind().name());
		facts.put("due_at", commitment.dueAt().toString());
		String verb = switch (kind) {
			case COMMITMENT_MADE -> "made";
			case COMMITMENT_KEPT -> "kept";
			default -> "broken";
		};
		return new TicketEvent("commitment-" + verb + ":" + commitment.id(), kind, at,
				"Commitment on " + number + " " + verb + ": " + commitment.what(), facts);
	}

	/** The ticket with the requester's personal data taken out. */
	Ticket withRequesterErased() {
		return edit(draft -> draft.requester = Requester.ERASED);
	}

	/** The ticket with the author taken out of every message {@code writtenByThem} selects. */
	Ticket withAuthorsErased(java.util.function.Predicate<TicketMessage> writtenByThem) {
		return edit(draft -> draft.messages.replaceAll(m -> writtenByThem.test(m) ? m.withAuthorErased() : m));
	}

	private static Instant later(Instant a, Instant b) {
		return a == null || b.isAfter(a) ? b : a;
	}

	private Ticket edit(Consumer<Draft> change) {
		Draft draft = new Draft(this);
		change.accept(draft);
		return draft.build();
	}

	private String label() {
		return kind == TicketKind.COMPLAINT ? "Complaint" : "Request";
	}

	/** What the timeline keeps: no personal data, so that erasing the requester here leaves none there. */
	private Map<String, String> facts() {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("ticket_number", number);
		facts.put("kind", kind.name());
		facts.put("priority", priority.name());
		facts.put("channel", channel.name());
		facts.put("tier", tier.name());
		if (classification != null && classification.category() != null) {
			facts.put("category", classification.category().name());
		}
		return facts;
	}

	/** A changeable copy, so that each change names only what it changes. */
	private static final class Draft {

		private final Ticket from;

		TicketStatus status;

		Priority priority;

		Requester requester;

		String assignee;

		String assigneeId;

		Instant firstRespondedAt;

		Instant resolvedAt;

		Instant closedAt;

		Instant updatedAt;

		SlaClock sla;

		boolean firstContactResolution;

		int reopenCount;

		PartnerRequest partnerRequest;

		Merge merge;

		final List<TicketEvent> outbox;

		final List<TicketMessage> messages;

		final List<SurveyRequest> surveyRequests;

		final List<Escalation> escalations;

		final List<CustomerMail> customerMails;

		final List<Commitment> commitments;

		Draft(Ticket from) {
			this.from = from;
			status = from.status;
			priority = from.priority;
			requester = from.requester;
			assignee = from.assignee;
			assigneeId = from.assigneeId;
			firstRespondedAt = from.firstRespondedAt;
			resolvedAt = from.resolvedAt;
			closedAt = from.closedAt;
			updatedAt = from.updatedAt;
			sla = from.sla;
			firstContactResolution = from.firstContactResolution;
			reopenCount = from.reopenCount;
			partnerRequest = from.partnerRequest;
			merge = from.merge;
			outbox = new ArrayList<>(from.outbox);
			messages = new ArrayList<>(from.messages);
			surveyRequests = new ArrayList<>(from.surveyRequests);
			escalations = new ArrayList<>(from.escalations);
			customerMails = new ArrayList<>(from.customerMails);
			commitments = new ArrayList<>(from.commitments);
		}

		Ticket build() {
			return new Ticket(from.id, from.number, from.customerId, from.subject, from.kind, priority, status,
					from.channel, from.openedAt, requester, assignee, firstRespondedAt, resolvedAt, from.tier,
					from.tierAssumed, sla, from.createdAt, from.version, outbox, from.undeliverable, from.classification,
					assigneeId, closedAt, updatedAt, firstContactResolution, reopenCount, messages, partnerRequest,
					surveyRequests, null, escalations, customerMails, merge, commitments);
		}
	}
}
