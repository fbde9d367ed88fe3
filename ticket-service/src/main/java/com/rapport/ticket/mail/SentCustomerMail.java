package com.rapport.ticket.mail;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mail to a requester the mail server took ({@code sent_customer_mails}), by its outbox event id: a relay round
 * that stops after sending and before removing the event from the ticket leaves it there, and this note keeps it
 * from going twice. No address or text: nothing personal.
 */
@Document("sent_customer_mails")
record SentCustomerMail(@Id String eventId, String ticketId, String messageId, Instant sentAt) {
}
