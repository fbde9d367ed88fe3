package com.rapport.ticket.ticket;

import com.rapport.ticket.sla.Priority;

/**
 * A ticket someone asks to open, as the adapters read it: for staff and services also who raised it
 * ({@code contactId}, {@code requesterName}, {@code requesterEmail}) and the channel.
 */
public record TicketRequest(String customerId, String subject, String body, TicketKind kind, Category category,
		Severity severity, Priority priority, String orderNumber, Channel channel, String contactId,
		String requesterName, String requesterEmail) {

	/** What the request asks, for telling a repeat from another request under the same idempotency key. */
	String fingerprint() {
		String text = String.join("\u0000", String.valueOf(customerId), String.valueOf(subject), String.valueOf(body),
				String.valueOf(kind), String.valueOf(category), String.valueOf(severity), String.valueOf(priority),
				String.valueOf(orderNumber), String.valueOf(channel), String.valueOf(contactId),
				String.valueOf(requesterName), String.valueOf(requesterEmail));
		try {
			byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(hash);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}
}
