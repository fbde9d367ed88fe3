package com.rapport.ordertracking.notification;

import java.time.Instant;

import com.rapport.ordertracking.sms.SmsMessage;

/**
 * One line of staff's notification log of an order: an email ({@link Notification}), an SMS ({@link SmsMessage}) or
 * a portal inbox item ({@link InboxItem}), each with its delivery state. {@code address} is the email address or the
 * phone number (none for an inbox item); {@code subject} an email's subject line, {@code text} an SMS's text;
 * {@code readAt} when an inbox item was read.
 */
public record LoggedMessage(Channel channel, String id, String orderId, String kind, String eventId, String contactId,
		String contactName, String address, String language, String state, int attempts, Instant nextAttemptAt,
		String lastError, Instant createdAt, Instant sentAt, String subject, String text, Instant readAt) {

	public enum Channel {
		EMAIL, SMS, INBOX
	}

	public static LoggedMessage of(Notification n) {
		return new LoggedMessage(Channel.EMAIL, n.id(), n.orderId(), n.kind(), n.eventId(), n.contactId(),
				n.contactName(), n.address(), n.language(), n.state().name(), n.attempts(), n.nextAttemptAt(),
				n.lastError(), n.createdAt(), n.sentAt(), n.subject(), null, null);
	}

	public static LoggedMessage of(SmsMessage m) {
		return new LoggedMessage(Channel.SMS, m.id(), m.orderId(), m.kind(), m.eventId(), m.contactId(),
				m.contactName(), m.phone(), m.language(), m.state().name(), m.attempts(), m.nextAttemptAt(),
				m.lastError(), m.createdAt(), m.sentAt(), null, m.text(), null);
	}

	/**
	 * An inbox item is delivered once it is in the inbox: {@code SENT} when made, never tried again (no address, tries
	 * or error). {@code contactName} and {@code language} as last known of the organisation's contacts.
	 */
	public static LoggedMessage of(InboxItem item, String contactName, String language) {
		return new LoggedMessage(Channel.INBOX, item.id(), item.orderId(), item.kind(), item.eventId(), item.contactId(),
				contactName, null, language, Notification.State.SENT.name(), 0, null, null, item.createdAt(),
				item.createdAt(), null, null, item.read() ? item.readAt() : null);
	}
}
