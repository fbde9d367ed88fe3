package com.rapport.ticket.sla;

public enum Priority {
	LOW, NORMAL, HIGH, URGENT
}
