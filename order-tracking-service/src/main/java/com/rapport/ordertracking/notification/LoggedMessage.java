package com.rapport.ordertracking.notification;

import java.time.Instant;

import com.rapport.ordertracking.sms.SmsMessage;

/**
 * One line of staff's notification log of an order: an email ({@link Notification}) or an SMS ({@link SmsMessage}),
 * each with its delivery state. {@code address} is the email address or the phone number; {@code subject} an
 * email's subject line, {@code text} an SMS's text.
 */
public record LoggedMessage(Channel channel, String id, String orderId, String kind, String eventId, String contactId,
		String contactName, String address, String language, String state, int attempts, Instant nextAttemptAt,
		String lastError, Instant createdAt, Instant sentAt, String subject, String text) {

	public enum Channel {
		EMAIL, SMS
	}

	public static LoggedMessage of(Notification n) {
		return new LoggedMessage(Channel.EMAIL, n.id(), n.orderId(), n.kind(), n.eventId(), n.contactId(),
				n.contactName(), n.address(), n.language(), n.state().name(), n.attempts(), n.nextAttemptAt(),
				n.lastError(), n.createdAt(), n.sentAt(), n.subject(), null);
	}

	public static LoggedMessage of(SmsMessage m) {
		return new LoggedMessage(Channel.SMS, m.id(), m.orderId(), m.kind(), m.eventId(), m.contactId(),
				m.contactName(), m.phone(), m.language(), m.state().name(), m.attempts(), m.nextAttemptAt(),
				m.lastError(), m.createdAt(), m.sentAt(), null, m.text());
	}
}
