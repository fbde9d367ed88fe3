package com.rapport.ticket.ticket;

/** How bad a complaint is (requests have none). */
public enum Severity {
	MINOR, MAJOR, CRITICAL
}
