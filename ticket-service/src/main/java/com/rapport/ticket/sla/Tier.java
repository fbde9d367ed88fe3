package com.rapport.ticket.sla;

/** An organisation's tier as customer-service decides it (from RFM, or a manager's override); it picks the SLA. */
public enum Tier {
	VIP, KEY, NORMAL
}
