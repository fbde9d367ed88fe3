package com.rapport.ordertracking.notification;

import java.util.Map;

/**
 * What a notification is about, as a contact chooses what to hear of. {@link #of} sorts each change the fan-out
 * sees into one topic; {@link #urgent} says which changes do not wait for the contact's quiet hours.
 */
public enum NotificationTopic {

	/** Placed, confirmed, in production, quality check, packed. */
	PROGRESS,
	/** Shipped and out for delivery. */
	SHIPPED,
	DELIVERED,
	/** At risk, delayed with reason and remedy, a new promised date or expected date, an exception on the way. */
	DELAYS,
	CANCELLED,
	/** An incident notice about many orders at once. */
	INCIDENTS;

	/** The topic of a change of {@code kind} (an order event's kind, or {@code INCIDENT_NOTICE}). */
	public static NotificationTopic of(String kind, Map<String, String> facts) {
		return switch (kind) {
			case "MILESTONE_REACHED" -> switch (facts.getOrDefault("code", "")) {
				case "SHIPPED", "OUT_FOR_DELIVERY" -> SHIPPED;
				case "DELIVERED" -> DELIVERED;
				case "EXCEPTION" -> DELAYS;
				default -> PROGRESS;
			};
			case "ORDER_DELIVERED" -> DELIVERED;
			case "PROMISE_CHANGED", "ETA_CHANGED", "ORDER_DELAYED", "ORDER_AT_RISK" -> DELAYS;
			case "ORDER_CANCELLED" -> CANCELLED;
			case NotificationFanOut.INCIDENT_NOTICE -> INCIDENTS;
			default -> PROGRESS;
		};
	}

	/**
	 * Whether a change is told at once even in the contact's quiet hours: an incident notice (a fault that may
	 * touch goods already in use) and an exception on the way (goods held or damaged: the customer may have to
	 * act before the morning). A delay with its new date and remedy waits: heard first thing in the morning, it is
	 * still heard before anyone asks.
	 */
	public static boolean urgent(String kind, Map<String, String> facts) {
		return NotificationFanOut.INCIDENT_NOTICE.equals(kind)
				|| ("MILESTONE_REACHED".equals(kind) && "EXCEPTION".equals(facts.get("code")));
	}
}
