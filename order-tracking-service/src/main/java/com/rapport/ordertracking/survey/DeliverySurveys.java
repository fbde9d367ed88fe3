package com.rapport.ordertracking.survey;

import java.time.Instant;

import com.rapport.support.error.RemoteUnavailableException;

/** feedback-service, told that an order was delivered (so a CES survey is due). */
public interface DeliverySurveys {

	/**
	 * Says that order {@code orderId} ({@code orderNumber}) of {@code organisationId} was delivered at
	 * {@code deliveredAt}. Repeats are harmless (feedback-service decides once per order). Throws
	 * {@link RemoteUnavailableException} when feedback-service cannot take it now; any other exception means it
	 * refused the request for good.
	 */
	void delivered(String orderId, String orderNumber, String organisationId, Instant deliveredAt);
}
