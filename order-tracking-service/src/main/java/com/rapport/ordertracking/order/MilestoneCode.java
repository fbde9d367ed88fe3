package com.rapport.ordertracking.order;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of an order's life, in their usual order (an exception can come at any point). A step of a lower
 * rank after one of a higher rank (confirmed after shipped) went backwards: it is kept, and flagged.
 */
public enum MilestoneCode {
	PLACED, CONFIRMED, IN_PRODUCTION, QUALITY_CHECK, PACKED, SHIPPED, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION;

	/** Whether this step says how far the order got ({@link #EXCEPTION} says something went wrong, at any point). */
	boolean isProgress() {
		return this != EXCEPTION;
	}

	/** The code a partner wrote ({@code SHIPPED}, {@code shipped}, {@code out for delivery}), if it is one. */
	public static Optional<MilestoneCode> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String name = text.trim().toUpperCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_');
		return Arrays.stream(values()).filter(code -> code.name().equals(name)).findFirst();
	}
}
