package com.rapport.ticket.ticket;

/** NEW until the first response; PENDING while waiting on the customer (timers paused). */
public enum TicketStatus {
	NEW, OPEN, PENDING, RESOLVED, CLOSED;

	/** Still to be worked: neither resolved nor closed. */
	public boolean isOpen() {
		return this != RESOLVED && this != CLOSED;
	}

	static final java.util.List<TicketStatus> OPEN_STATUSES = java.util.List.of(NEW, OPEN, PENDING);
}
