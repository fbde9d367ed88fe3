package com.rapport.ticket.ticket;

/** What a ticket is about. */
public enum Category {
	QUESTION, DELIVERY, QUALITY, BILLING, TECHNICAL
}
