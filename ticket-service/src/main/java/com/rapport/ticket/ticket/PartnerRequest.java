package com.rapport.ticket.ticket;

/**
 * The partner request that opened a ticket with an {@code Idempotency-Key} (or a service's request with its
 * {@code idempotency_key}): the partner or service (client), the key and
 * a fingerprint of what was asked, so that a repeat with the same key is answered with this ticket and a key
 * reused for another request is refused.
 */
public record PartnerRequest(String partner, String key, String fingerprint) {
}
