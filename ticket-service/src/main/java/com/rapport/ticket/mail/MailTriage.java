package com.rapport.ticket.mail;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.security.Caller;
import com.rapport.ticket.mail.InboundMail.State;
import com.rapport.ticket.ticket.Category;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketIntake;
import com.rapport.ticket.ticket.TicketKind;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The support mailbox's triage, for staff (agent, manager, admin; anyone else is refused before any look-up): the
 * mails waiting (oldest first, from the index {@code state_received}), a ticket opened from one for the organisation
 * and contact staff chose (channel EMAIL, acknowledged to the sender; once, however often it is asked), or the mail
 * discarded. Each decision is audited as its staff member: {@code mail.triage-opened} (the ticket's number),
 * {@code mail.triage-discarded}; never the mail's text.
 */
@Service
public class MailTriage {

	static final int DEFAULT_PAGE = 50;

	static final int MAX_PAGE = 100;

	private final MongoTemplate mongo;

	private final TicketIntake intake;

	private final AuditTrail audit;

	private final Clock clock;

	private final MailIntake mailIntake;

	private final MailFiles files;

	MailTriage(MongoTemplate mongo, TicketIntake intake, AuditTrail audit, Clock clock, MailIntake mailIntake,
			MailFiles files) {
		this.mailIntake = mailIntake;
		this.files = files;
		this.mongo = mongo;
		this.intake = intake;
		this.audit = audit;
		this.clock = clock;
	}

	/** The mails waiting, oldest first, and how many wait in all. */
	public record Waiting(List<InboundMail> mails, long total) {
	}

	public Waiting waiting(Caller caller, int pageSize) {
		requireStaff(caller);
		int size = pageSize <= 0 ? DEFAULT_PAGE : Math.min(pageSize, MAX_PAGE);
		Query waiting = Query.query(Criteria.where("state").is(State.TRIAGE));
		long total = mongo.count(waiting, InboundMail.class);
		return new Waiting(mongo.find(Query.query(Criteria.where("state").is(State.TRIAGE))
			.with(Sort.by("receivedAt", "_id")).limit(size), InboundMail.class), total);
	}

	/**
	 * Opens a ticket from the waiting mail {@code mailId} for {@code customerId} (and the contact {@code contactId}
	 * when given), named {@code requesterName} (else the mail's sender name); refused as the intake refuses a
	 * ticket. Asked again for the same mail (two staff at once), it answers the same ticket.
	 */
	public Ticket openTicket(Caller caller, String mailId, String customerId, String contactId, String requesterName,
			TicketKind kind, Category category) {
		requireStaff(caller);
		InboundMail mail = waitingMail(mailId);
		Ticket opened = intake.openFromMail(MailIntake.newTicket(mail, customerId, blankToNull(contactId),
				blankToNull(requesterName), kind != null ? kind : TicketKind.REQUEST,
				category != null ? category : Category.QUESTION), MailIntake.ticketIdOf(mail), caller,
				mail.attachments());
		opened = mailIntake.withRefusedFilesNoted(mail, opened);
		mongo.updateFirst(Query.query(Criteria.where("_id").is(mail.id()).and("state").is(State.TRIAGE)),
				new Update().set("state", State.OPENED_FROM_TRIAGE).set("ticketId", opened.id())
					.set("ticketNumber", opened.number()).set("handledBy", caller.name())
					.set("handledAt", clock.instant()),
				InboundMail.class);
		audit.record(caller, "mail.triage-opened", "inbound-mail", mail.id(), opened.customerId(),
				Map.of("ticket_number", opened.number()));
		return opened;
	}

	/** Discards the waiting mail {@code mailId}: it leaves the triage, kept with who discarded it. */
	public void discard(Caller caller, String mailId) {
		requireStaff(caller);
		InboundMail mail = waitingMail(mailId);
		long changed = mongo.updateFirst(Query.query(Criteria.where("_id").is(mail.id()).and("state").is(State.TRIAGE)),
				new Update().set("state", State.DISCARDED).set("handledBy", caller.name()).set("handledAt",
						clock.instant()),
				InboundMail.class).getModifiedCount();
		if (changed == 0) {
			throw notFound(mailId);
		}
		// Its files were kept for a ticket that will not be: they go with the decision.
		files.forget(mail.attachments());
		audit.record(caller, "mail.triage-discarded", "inbound-mail", mail.id(), null, Map.of());
	}

	private InboundMail waitingMail(String mailId) {
		InboundMail mail = mailId == null || mailId.isBlank() ? null
				: mongo.findById(mailId.strip(), InboundMail.class);
		if (mail == null || mail.state() != State.TRIAGE) {
			throw notFound(mailId);
		}
		return mail;
	}

	private static NotFoundException notFound(String mailId) {
		return new NotFoundException(Message.of("mail.triage-not-found", mailId == null ? "" : mailId.strip()));
	}

	private static void requireStaff(Caller caller) {
		if (!caller.hasRole(Caller.AGENT) && !caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("The mail triage is for staff");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
