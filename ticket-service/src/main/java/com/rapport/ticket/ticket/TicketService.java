package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.ticket.customer.OrganisationTiers.TierReading;
import com.rapport.ticket.customer.OrganisationTiers;
import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.SlaClock;
import com.rapport.ticket.sla.SlaPolicy;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.SlaSettings;
import com.rapport.ticket.sla.SlaState;

import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * Opens tickets under the SLA policy of the organisation's tier and the ticket's priority (on its business
 * calendar; see {@link SlaSettings}) and moves them through the states the SLA
 * timers depend on; answers an organisation's open tickets by urgency. A customer contact only ever reaches
 * its own organisation's tickets; another organisation answers like an unknown one (nothing).
 *
 * <p>The tier comes from customer-service; while it is down, the last tier known from it, else
 * {@code rapport.sla.default-tier}, and the ticket records that its tier was assumed. An organisation
 * customer-service does not know is refused.
 */
@Service
public class TicketService {

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 100;

	static final int MAX_SUBJECT = 200;

	static final int MAX_ORDER_NUMBER = 40;

	private static final Comparator<SlaState> URGENCY = Comparator.comparingInt(state -> switch (state) {
		case BREACHED -> 0;
		case AT_RISK -> 1;
		case ON_TRACK -> 2;
		case PAUSED -> 3;
		case MET -> 4;
	});

	private final TicketRepository tickets;

	private final TicketNumbers numbers;

	private final OrganisationTiers tiers;

	private final SlaProperties sla;

	private final SlaSettings settings;

	private final Clock clock;

	public TicketService(TicketRepository tickets, TicketNumbers numbers, OrganisationTiers tiers, SlaProperties sla,
			SlaSettings settings, Clock clock) {
		this.tickets = tickets;
		this.numbers = numbers;
		this.tiers = tiers;
		this.sla = sla;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Opens the ticket: status NEW, SLA timers started, the timeline told (through the outbox); no acknowledgement
	 * (imports, the demo data: what people raise goes through {@link TicketIntake}, which acknowledges it).
	 */
	public Ticket open(NewTicket request) {
		return open(request, EnumSet.allOf(Channel.class), UUID.randomUUID().toString(), null, false);
	}

	/**
	 * Opens the ticket with the given id, by one of {@code channels} (another is a bad field), remembering the
	 * partner request that asked for it (null if none): with its body as the first message, sanitised; with
	 * {@code acknowledge}, owing the requester the mail that acknowledges it (in the same write).
	 */
	Ticket open(NewTicket request, Set<Channel> channels, String id, PartnerRequest partnerRequest,
			boolean acknowledge) {
		return open(request, channels, id, partnerRequest, acknowledge, List.of());
	}

	/** As above, the opening message carrying {@code attachments} (files already stored). */
	Ticket open(NewTicket request, Set<Channel> channels, String id, PartnerRequest partnerRequest,
			boolean acknowledge, List<com.rapport.ticket.attachment.Attachment> attachments) {
		Instant now = clock.instant();
		String body = request.body() == null ? null : MessageBodies.sanitise(request.body());
		validate(request, body, channels, now);
		TierReading tier = tierFor(request);
		Instant openedAt = request.openedAt() != null ? request.openedAt() : now;
		String subject = request.subject().strip();
		Classification about = classificationOf(request);
		Priority priority = request.priority() != null ? request.priority() : Priority.NORMAL;
		SlaPolicy policy = settings.policy(tier.tier(), priority);
		SlaClock timers = policy.start(openedAt, settings.calendar(policy.calendarId()), settings.atRiskPercent());
		Ticket ticket = new Ticket(id, numbers.next(), request.customerId().strip(), subject, request.kind(), priority,
				TicketStatus.NEW, request.channel(), openedAt, request.requester(), blankToNull(request.assignee()), null,
				null, tier.tier(), !tier.current(), timers, null, null, List.of(), List.of(), about, null, null,
				openedAt, false, 0, List.of(), partnerRequest, List.of());
		if (body != null) {
			ticket = ticket.withMessage(request.author().says(body, false, openedAt).withAttachments(attachments));
		}
		if (about != null && about.severity() == Severity.CRITICAL && request.kind() == TicketKind.COMPLAINT) {
			// Critical complaints go to the manager at once: the escalation sweep sends the mail it owes.
			ticket = ticket.escalatedAt(Escalation.Kind.CRITICAL_COMPLAINT, openedAt,
					"Escalated to the manager: critical complaint.", policy, settings.calendar(policy.calendarId()),
					settings.atRiskPercent());
		}
		if (acknowledge) {
			ticket = ticket.acknowledged();
		}
		return tickets.insert(ticket.withEventOfOpening());
	}

	private static Classification classificationOf(NewTicket request) {
		Classification given = request.classification();
		if (given == null) {
			return null;
		}
		Severity severity = request.kind() == TicketKind.COMPLAINT && given.severity() == null ? Severity.MINOR
				: given.severity();
		return new Classification(given.category(), severity, given.suggestedPriority(),
				blankToNull(given.orderNumber()));
	}

	private TierReading tierFor(NewTicket request) {
		if (request.knownTier() != null) {
			return new TierReading(request.knownTier(), true);
		}
		try {
			return tiers.tierOf(request.customerId().strip())
				.orElseGet(() -> new TierReading(sla.defaultTier(), false));
		}
		catch (NotFoundException ex) {
			throw UnprocessableException.field(Message.of("ticket.unknown-organisation"), "customerId",
					Message.of("field.no-such-organisation", request.customerId().strip()));
		}
	}

	private static void validate(NewTicket request, String body, Set<Channel> channels, Instant now) {
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "ticket");
		if (request.customerId() == null || request.customerId().isBlank()) {
			errors.rejectValue("customerId", "field.required");
		}
		if (request.subject() == null || request.subject().isBlank()) {
			errors.rejectValue("subject", "field.required");
		}
		else if (request.subject().strip().length() > MAX_SUBJECT) {
			errors.rejectValue("subject", "field.too-long", new Object[] { MAX_SUBJECT }, null);
		}
		if (request.kind() == null) {
			errors.rejectValue("kind", "ticket.kind.required");
		}
		if (request.channel() == null) {
			errors.rejectValue("channel", "ticket.channel.required");
		}
		else if (!channels.contains(request.channel())) {
			errors.rejectValue("channel", "ticket.channel.not-allowed", new Object[] { channels.stream()
				.map(Channel::name).sorted().collect(java.util.stream.Collectors.joining("/")) }, null);
		}
		validateConversation(request, body, errors);
		Requester requester = request.requester();
		if (requester == null || requester.anonymous()) {
			errors.rejectValue("requester", "ticket.requester.required");
		}
		else {
			if (request.channel() == Channel.PORTAL && requester.contactId() == null && requester.username() == null) {
				errors.rejectValue("requester.contactId", "ticket.requester.contact-required");
			}
			if (request.channel() == Channel.EMAIL && requester.email() == null) {
				errors.rejectValue("requester.email", "ticket.requester.email-required");
			}
			if (requester.email() != null && !requester.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				errors.rejectValue("requester.email", "field.email");
			}
		}
		if (request.openedAt() != null && request.openedAt().isAfter(now)) {
			errors.rejectValue("openedAt", "field.not-future");
		}
		UnprocessableException.throwIfAny(Message.of("ticket.cannot-open"), errors);
	}

	/** The opening message and what the workflow adds: a category, a complaint's severity, an order number. */
	private static void validateConversation(NewTicket request, String body, Errors errors) {
		if (body != null) {
			if (MessageBodies.isBlank(body)) {
				errors.rejectValue("body", "field.required");
			}
			else if (body.length() > MessageBodies.MAX_LENGTH) {
				errors.rejectValue("body", "field.too-long", new Object[] { MessageBodies.MAX_LENGTH }, null);
			}
			if (request.classification() == null || request.classification().category() == null) {
				errors.rejectValue("category", "ticket.category.required");
			}
		}
		Classification about = request.classification();
		if (about != null) {
			if (about.severity() != null && request.kind() == TicketKind.REQUEST) {
				errors.rejectValue("severity", "ticket.severity.complaints-only");
			}
			if (about.orderNumber() != null && about.orderNumber().strip().length() > MAX_ORDER_NUMBER) {
				errors.rejectValue("orderNumber", "field.too-long", new Object[] { MAX_ORDER_NUMBER }, null);
			}
		}
	}

	/** The first response to the customer, given at {@code at} (now when null) by {@code responder}. */
	public Ticket respond(String id, String responder, Instant at) {
		Ticket ticket = openTicket(id);
		return tickets.save(ticket.respondedAt(when(at, ticket.openedAt()), responder));
	}

	/** Waiting on the customer from {@code at} (now when null): the SLA timers stand still. */
	public Ticket waitOnCustomer(String id, Instant at) {
		Ticket ticket = openTicket(id);
		if (ticket.status() == TicketStatus.PENDING) {
			throw new ConflictException(Message.of("ticket.already-waiting", ticket.number()));
		}
		return tickets.save(ticket.waitingOnCustomerFrom(when(at, ticket.openedAt()), calendarOf(ticket)));
	}

	/** The customer answered at {@code at} (now when null): the timers run again, due later by the time waited. */
	public Ticket resume(String id, Instant at) {
		Ticket ticket = openTicket(id);
		if (ticket.status() != TicketStatus.PENDING) {
			throw new ConflictException(Message.of("ticket.not-waiting", ticket.number()));
		}
		return tickets.save(ticket.resumedAt(when(at, ticket.sla().pausedSince()), calendarOf(ticket)));
	}

	/** Resolved at {@code at} (now when null); the timeline is told. */
	public Ticket resolve(String id, Instant at) {
		Ticket ticket = openTicket(id);
		Instant earliest = ticket.sla().paused() ? ticket.sla().pausedSince() : ticket.openedAt();
		return tickets.save(ticket.resolvedAt(when(at, earliest), calendarOf(ticket)));
	}

	private BusinessCalendar calendarOf(Ticket ticket) {
		return settings.calendar(ticket.sla().calendarId());
	}

	private Ticket openTicket(String id) {
		Ticket ticket = tickets.findById(id).orElseThrow(() -> new NotFoundException(Message.of("ticket.not-found", id)));
		if (!ticket.isOpen()) {
			throw new ConflictException(ticket.status() == TicketStatus.RESOLVED
					? Message.of("ticket.resolved-already", ticket.number())
					: Message.of("ticket.closed-already", ticket.number()));
		}
		return ticket;
	}

	/** When a change happened: now unless given; never in the future, never before {@code earliest}. */
	private Instant when(Instant at, Instant earliest) {
		Instant now = clock.instant();
		if (at == null) {
			return now;
		}
		if (at.isAfter(now)) {
			throw UnprocessableException.field(Message.of("ticket.change-in-future"), "at", Message.of("field.not-future"));
		}
		if (at.isBefore(earliest)) {
			throw UnprocessableException.field(Message.of("ticket.change-too-early"), "at",
					Message.of("field.not-before", earliest));
		}
		return at;
	}

	/**
	 * The organisation's open tickets, most urgent first (breached, at risk, on track, paused; each by its next
	 * due time), at most {@code pageSize} (0: {@value #DEFAULT_PAGE_SIZE}; at most {@value #MAX_PAGE_SIZE}),
	 * with counts over all of them. Staff and services name the organisation; a customer gets its own, and
	 * nothing when naming another.
	 */
	public OpenTickets openTickets(Caller caller, String customerId, int pageSize) {
		Instant now = clock.instant();
		String organisation;
		if (caller.seesAllCustomers()) {
			if (customerId == null || customerId.isBlank()) {
				throw UnprocessableException.field(Message.of("ticket.organisation-required"), "customerId",
						Message.of("field.required"));
			}
			organisation = customerId.strip();
		}
		else {
			String own = caller.customerId().orElse(null);
			if (own == null || !caller.hasRole(Caller.CUSTOMER)
					|| (customerId != null && !customerId.isBlank() && !customerId.strip().equals(own))) {
				return OpenTickets.none(now);
			}
			organisation = own;
		}
		int size = pageSize <= 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
		List<OpenTickets.OpenTicket> open = tickets.findByCustomerIdAndStatusIn(organisation, TicketStatus.OPEN_STATUSES)
			.stream().map(ticket -> new OpenTickets.OpenTicket(ticket, ticket.slaStateAt(now, sla.atRiskPercent())))
			.sorted(Comparator.comparing(OpenTickets.OpenTicket::state, URGENCY)
				.thenComparing(t -> t.ticket().nextDueAt(now))
				.thenComparing(t -> t.ticket().number()))
			.toList();
		int breached = (int) open.stream().filter(t -> t.state() == SlaState.BREACHED).count();
		int atRisk = (int) open.stream().filter(t -> t.state() == SlaState.AT_RISK).count();
		boolean staff = caller.hasRole(Caller.AGENT) || caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN);
		return new OpenTickets(now, open.stream().limit(size).toList(), open.size(), breached, atRisk, staff);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
