package com.rapport.ticket.ticket;

public enum TicketKind {
	REQUEST, COMPLAINT
}
