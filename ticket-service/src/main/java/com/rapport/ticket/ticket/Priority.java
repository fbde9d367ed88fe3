package com.rapport.ticket.ticket;

public enum Priority {
	LOW, NORMAL, HIGH, URGENT
}
