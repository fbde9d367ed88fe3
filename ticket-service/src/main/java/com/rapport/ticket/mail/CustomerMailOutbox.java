package com.rapport.ticket.mail;

import java.time.Clock;
import java.util.List;

import com.rapport.support.timeline.OutboxRelay;
import com.rapport.support.timeline.ScheduledOutbox;
import com.rapport.ticket.ticket.CustomerMail;
import com.rapport.ticket.ticket.Ticket;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The mails tickets owe their requesters ({@code customerMails}: acknowledgements, staff's public replies),
 * relayed to the mail server by platform-support's {@link OutboxRelay} every few seconds (the timeline relay's
 * settings) under lease {@value #LEASE}: while the server is down they wait in the ticket, each goes once
 * ({@link CustomerMailSender}), and one refused for good is set aside in the ticket's {@code undeliverable} list.
 */
@Component
public class CustomerMailOutbox extends ScheduledOutbox<Ticket, CustomerMail> {

	static final String LEASE = "customer-mail-relay";

	private final CustomerMailSender sender;

	CustomerMailOutbox(CustomerMailSender sender, MongoTemplate mongo, Clock clock,
			@Value("${spring.application.name}") String name, @Value("${rapport.relay.enabled:true}") boolean enabled) {
		super(mongo, clock, name, enabled);
		this.sender = sender;
	}

	@Override
	public Class<Ticket> recordType() {
		return Ticket.class;
	}

	@Override
	public String field() {
		return "customerMails";
	}

	@Override
	public String undeliverableField() {
		return "undeliverable";
	}

	@Override
	public List<String> fields() {
		return List.of("number", "customerId", "subject", "channel", "requester", "messages", "sla", "status",
				"openedAt");
	}

	@Override
	public List<CustomerMail> pending(Ticket ticket) {
		return ticket.customerMails();
	}

	@Override
	public String eventId(Ticket ticket, CustomerMail mail) {
		return mail.eventId();
	}

	@Override
	public String kind(Ticket ticket, CustomerMail mail) {
		return "MAIL_" + mail.kind().name();
	}

	@Override
	public void deliver(Ticket ticket, CustomerMail mail) {
		sender.send(ticket, mail);
	}

	@Override
	public String recordName() {
		return "ticket";
	}

	@Override
	public String receiverName() {
		return CustomerMailSender.REMOTE;
	}

	@Override
	public String leaseName() {
		return LEASE;
	}
}
