package com.rapport.ordertracking.order;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Why an order is at risk of being late, and, once staff or the partner have said so, the reason they give
 * and the remedy offered. {@code cause} says how it was noticed; {@code reason} and {@code remedy} are null
 * until recorded.
 */
public record Delay(Cause cause, Instant detectedAt, String reason, Remedy remedy, String remedyNote,
		LocalDate newDate, String recordedBy, Instant recordedAt) {

	/** How the risk was noticed. */
	public enum Cause {
		/** The expected arrival is after the promised date. */
		ETA_PAST_PROMISE,
		/** The promised date went by without a delivery. */
		PROMISE_PASSED,
		/** No milestone for longer than its stage usually takes. */
		NO_PROGRESS,
		/** Staff or the partner said so. */
		REPORTED
	}

	/** What the customer is offered for the delay. */
	public enum Remedy {
		PARTIAL_SHIPMENT, DISCOUNT, SUBSTITUTE, EXPEDITED_SHIPPING, NEW_DATE
	}

	static Delay detected(Cause cause, Instant at) {
		return new Delay(cause, at, null, null, null, null, null, null);
	}

	/** Whether staff or the partner have said why and what they offer. */
	public boolean explained() {
		return reason != null;
	}
}
