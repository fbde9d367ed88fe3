package com.rapport.ordertracking.customer;

import com.rapport.ordertracking.order.OrderEvent;
import com.rapport.support.error.RemoteUnavailableException;

/** Tells customer-service's timeline what happened to an organisation's orders. */
public interface InteractionRecorder {

	/**
	 * Records the event; a repeat of an event already recorded is fine. Throws
	 * {@link RemoteUnavailableException} when customer-service cannot take it now.
	 */
	void record(String organisationId, String orderId, OrderEvent event);
}
