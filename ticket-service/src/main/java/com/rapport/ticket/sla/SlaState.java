package com.rapport.ticket.sla;

/** Where a ticket stands against its targets at an instant (see {@link SlaClock#stateAt}). */
public enum SlaState {
	ON_TRACK, AT_RISK, BREACHED, PAUSED, MET
}
