package com.rapport.ticket.ticket;

import com.rapport.ticket.sla.Priority;

/**
 * What a ticket is about: its category, a complaint's severity (null for requests), the priority the
 * requester suggested (null when they did not say) and the organisation's order it is about (null if none).
 * Null as a whole on tickets opened before the workflow existed.
 */
public record Classification(Category category, Severity severity, Priority suggestedPriority, String orderNumber) {
}
