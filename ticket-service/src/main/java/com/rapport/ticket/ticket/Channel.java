package com.rapport.ticket.ticket;

/** Where the ticket came in: every channel lands in the same queue. */
public enum Channel {
	PORTAL, EMAIL, PHONE, PARTNER
}
