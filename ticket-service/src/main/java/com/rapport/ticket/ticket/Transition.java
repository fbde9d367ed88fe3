package com.rapport.ticket.ticket;

/**
 * The status changes a person asks for. Staff make every one; a contact of the ticket's organisation
 * {@link #CLOSE} and {@link #REOPEN} only ({@link #byCustomer}).
 */
public enum Transition {
	/** NEW or OPEN to PENDING. */
	WAIT_ON_CUSTOMER,
	/** PENDING to OPEN. */
	RESUME,
	/** NEW, OPEN or PENDING to RESOLVED. */
	RESOLVE,
	/** RESOLVED to CLOSED. */
	CLOSE,
	/** RESOLVED to OPEN (a closed ticket stays closed). */
	REOPEN;

	public boolean byCustomer() {
		return this == CLOSE || this == REOPEN;
	}

	/** Whether the move is allowed from {@code status} (who may make it is {@link #byCustomer}'s business). */
	public boolean allowedFrom(TicketStatus status) {
		return switch (this) {
			case WAIT_ON_CUSTOMER -> status == TicketStatus.NEW || status == TicketStatus.OPEN;
			case RESUME -> status == TicketStatus.PENDING;
			case RESOLVE -> status.isOpen();
			case CLOSE, REOPEN -> status == TicketStatus.RESOLVED;
		};
	}
}
