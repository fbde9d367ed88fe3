package com.rapport.ticket.ticket;

/**
 * Where the ticket came in: every channel lands in the same queue. PHONE, CHAT, IM and EMAIL tickets are also
 * logged by agents for a contact; PARTNER ones come over the partner REST API.
 */
public enum Channel {
	PORTAL, EMAIL, PHONE, PARTNER, CHAT, IM;

	/** The channels an agent (or a service) logs a ticket from on behalf of a contact. */
	public boolean loggedByStaff() {
		return this == PHONE || this == CHAT || this == IM || this == EMAIL;
	}
}
