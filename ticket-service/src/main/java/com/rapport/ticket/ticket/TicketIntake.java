package com.rapport.ticket.ticket;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.ticket.attachment.Attachment;
import com.rapport.ticket.attachment.AttachmentUpload;
import com.rapport.ticket.attachment.Attachments;
import com.rapport.ticket.sla.SlaProperties;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Opens tickets for whoever raises them: a contact for its own organisation in the portal; staff for a contact
 * from a call, chat, instant message or mail; a service (a follow-up); a partner system over REST, idempotent
 * by {@code Idempotency-Key}. Each opening is audited as its caller.
 */
@Service
public class TicketIntake {

	/** The channels staff and services log a ticket from. */
	static final Set<Channel> LOGGED = EnumSet.of(Channel.PHONE, Channel.CHAT, Channel.IM, Channel.EMAIL);

	private final TicketService tickets;

	private final TicketRepository repository;

	private final AuditTrail audit;

	private final SlaProperties sla;

	private final Clock clock;

	private final Attachments attachments;

	TicketIntake(TicketService tickets, TicketRepository repository, AuditTrail audit, SlaProperties sla, Clock clock,
			Attachments attachments) {
		this.tickets = tickets;
		this.repository = repository;
		this.audit = audit;
		this.sla = sla;
		this.clock = clock;
		this.attachments = attachments;
	}

	/** The outcome of a partner's request: the ticket, and whether this request opened it (else a repeat). */
	public record Submission(TicketView ticket, boolean created) {
	}

	/** Opens the ticket a contact, staff or a service raises (partners: {@link #openForPartner}). */
	public TicketView open(Caller caller, TicketRequest request) {
		return open(caller, request, null);
	}

	/**
	 * As {@link #open(Caller, TicketRequest)}; a service that names an {@code idempotencyKey} opens the ticket once
	 * per key: a repeat answers the ticket opened the first time (the first request wins, so a retry that carries
	 * more, such as a comment given meanwhile, still opens nothing twice). Ignored for people.
	 */
	public TicketView open(Caller caller, TicketRequest request, String idempotencyKey) {
		return open(caller, request, idempotencyKey, List.of());
	}

	/**
	 * As {@link #open(Caller, TicketRequest, String)}, the opening message of a contact or staff carrying
	 * {@code files} (a service's are ignored): each checked before anything is stored, and taken back when the
	 * ticket is then refused, so a refusal stores nothing.
	 */
	public TicketView open(Caller caller, TicketRequest request, String idempotencyKey, List<AttachmentUpload> files) {
		if (Callers.isService(caller) && idempotencyKey != null && !idempotencyKey.isBlank()) {
			return openOnceForService(caller, request, idempotencyKey.strip());
		}
		NewTicket ticket;
		Set<Channel> channels;
		if (Callers.isStaff(caller) || Callers.isService(caller)) {
			ticket = newTicket(request, request.customerId(), request.channel(),
					Requester.of(request.contactId(), request.requesterName(), request.requesterEmail()),
					Callers.isStaff(caller) ? null : Author.SYSTEM);
			channels = LOGGED;
		}
		else if (Callers.isContact(caller)) {
			String own = caller.customerId().orElseThrow();
			if (request.customerId() != null && !request.customerId().isBlank()
					&& !request.customerId().strip().equals(own)) {
				// Another organisation is refused exactly as one that does not exist.
				throw UnprocessableException.field(Message.of("ticket.unknown-organisation"), "customerId",
						Message.of("field.no-such-organisation", request.customerId().strip()));
			}
			Author me = Author.of(caller);
			ticket = newTicket(request, own, Channel.PORTAL,
					Requester.portalUser(caller.name(), me.name(), Author.email(caller)), me);
			channels = EnumSet.of(Channel.PORTAL);
		}
		else {
			throw new AccessDeniedException("Partners open tickets over REST");
		}
		List<Attachment> stored = Callers.isService(caller) ? List.of() : attachments.store(files);
		Ticket opened;
		try {
			// A ticket another service opens (feedback-service's follow-up of an unhappy answer) is for staff to act
			// on: the account manager calls the contact, no "we have received your request" goes out.
			opened = tickets.open(ticket, channels, UUID.randomUUID().toString(), null, !Callers.isService(caller),
					stored);
		}
		catch (RuntimeException refused) {
			attachments.delete(stored);
			throw refused;
		}
		audited(caller, opened);
		return TicketView.of(opened, caller, clock.instant(), sla.atRiskPercent());
	}

	/**
	 * Opens a partner's ticket (channel PARTNER) once: a repeat with the same {@code idempotencyKey} and the same
	 * request answers the ticket opened the first time; the key with another request is a conflict.
	 */
	public Submission openForPartner(Caller partner, TicketRequest request, String idempotencyKey) {
		NewTicket ticket = newTicket(request, request.customerId(), Channel.PARTNER,
				Requester.of(request.contactId(), request.requesterName(), request.requesterEmail()), null);
		if (idempotencyKey == null) {
			Ticket opened = tickets.open(ticket, EnumSet.of(Channel.PARTNER), UUID.randomUUID().toString(), null, true);
			audited(partner, opened);
			return new Submission(view(opened, partner), true);
		}
		// One id per partner and key: the store's unique id makes a concurrent repeat fail instead of opening twice.
		String id = UUID.nameUUIDFromBytes(("partner-ticket:" + partner.name() + "\u0000" + idempotencyKey)
			.getBytes(StandardCharsets.UTF_8)).toString();
		PartnerRequest asked = new PartnerRequest(partner.name(), idempotencyKey, request.fingerprint());
		var earlier = repository.findById(id);
		if (earlier.isPresent()) {
			return replay(earlier.get(), asked, partner);
		}
		try {
			Ticket opened = tickets.open(ticket, EnumSet.of(Channel.PARTNER), id, asked, true);
			audited(partner, opened);
			return new Submission(view(opened, partner), true);
		}
		catch (DuplicateKeyException ex) {
			return replay(repository.findById(id).orElseThrow(() -> ex), asked, partner);
		}
	}

	private TicketView openOnceForService(Caller service, TicketRequest request, String key) {
		if (key.length() > 200) {
			throw UnprocessableException.field(Message.of("ticket.cannot-open"), "idempotencyKey",
					Message.of("field.too-long", 200));
		}
		String id = UUID.nameUUIDFromBytes(("service-ticket:" + service.name() + "\u0000" + key)
			.getBytes(StandardCharsets.UTF_8)).toString();
		var earlier = repository.findById(id);
		if (earlier.isPresent()) {
			return view(earlier.get(), service);
		}
		NewTicket ticket = newTicket(request, request.customerId(), request.channel(),
				Requester.of(request.contactId(), request.requesterName(), request.requesterEmail()), Author.SYSTEM);
		try {
			Ticket opened = tickets.open(ticket, LOGGED, id, new PartnerRequest(service.name(), key, request.fingerprint()),
					false);
			audited(service, opened);
			return view(opened, service);
		}
		catch (DuplicateKeyException ex) {
			return view(repository.findById(id).orElseThrow(() -> ex), service);
		}
	}

	/**
	 * Opens the ticket a mail to the support mailbox raises (channel EMAIL), acknowledged, once per {@code id} (made
	 * from the mail's Message-ID): a repeat, such as a poller that died before it noted the mail, answers the
	 * ticket opened the first time. {@code staff} is who opened it from the triage (audited as them), null when
	 * the mailbox's poller did (the platform's own work, not audited).
	 */
	public Ticket openFromMail(NewTicket ticket, String id, Caller staff) {
		return openFromMail(ticket, id, staff, List.of());
	}

	/** As {@link #openFromMail(NewTicket, String, Caller)}, the opening message carrying the mail's files (kept). */
	public Ticket openFromMail(NewTicket ticket, String id, Caller staff, List<Attachment> files) {
		var earlier = repository.findById(id);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			Ticket opened = tickets.open(ticket, EnumSet.of(Channel.EMAIL), id, null, true, files);
			if (staff != null) {
				audited(staff, opened);
			}
			return opened;
		}
		catch (DuplicateKeyException ex) {
			return repository.findById(id).orElseThrow(() -> ex);
		}
	}

	private Submission replay(Ticket earlier, PartnerRequest asked, Caller partner) {
		if (earlier.partnerRequest() == null || !earlier.partnerRequest().fingerprint().equals(asked.fingerprint())) {
			// As the order API answers: the key names another request, so this one is refused as it was sent.
			throw UnprocessableException.field(Message.of("ticket.idempotency-key-reused", earlier.number()),
					"Idempotency-Key", Message.of("idempotency.other-request"));
		}
		return new Submission(view(earlier, partner), false);
	}

	private TicketView view(Ticket ticket, Caller caller) {
		return TicketView.of(ticket, caller, clock.instant(), sla.atRiskPercent());
	}

	private void audited(Caller caller, Ticket opened) {
		audit.record(caller, "ticket.opened", "ticket", opened.id(), opened.customerId(),
				Map.of("ticket_number", opened.number(), "channel", opened.channel().name()));
	}

	private static NewTicket newTicket(TicketRequest request, String customerId, Channel channel, Requester requester,
			Author author) {
		return new NewTicket(customerId, request.subject(), request.kind(), request.priority(), channel, requester,
				null, null, null, new Classification(request.category(), request.severity(), request.priority(),
						request.orderNumber()),
				request.body() == null ? "" : request.body(), author);
	}
}
