package com.rapport.ticket.ticket;

/** Who wrote a message: the customer's side (a contact, or the requester as logged or sent), staff, or the platform. */
public enum AuthorKind {
	CUSTOMER, STAFF, SYSTEM
}
