package com.rapport.customer.timeline;

import java.util.Locale;
import java.util.Optional;

/** What kind of thing happened; the timeline can be filtered by these. */
public enum InteractionKind {

	ORDER_PLACED, ORDER_DELAYED, ORDER_DELIVERED, TICKET_OPENED, TICKET_REPLIED, TICKET_RESOLVED, SURVEY_ANSWERED,
	NOTIFICATION_SENT, CARE_EVENT, TIER_CHANGED, LIFECYCLE_CHANGED;

	/** The kind named by {@code text} in any case ({@code order_placed}), or empty for an unknown name. */
	public static Optional<InteractionKind> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}
}
