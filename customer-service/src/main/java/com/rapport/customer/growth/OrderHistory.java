package com.rapport.customer.growth;

import java.util.List;
import java.util.Map;

/**
 * An organisation's ordered products from order-tracking-service (gRPC adapter in {@code growth.grpc}): every
 * line of its orders that were not cancelled, with when the order was placed.
 */
public interface OrderHistory {

	/** One organisation's lines (a signal's recompute); {@code null} when they could not be read. */
	List<ReorderRules.Line> linesOf(String organisationId);

	/**
	 * The lines of every organisation whose id lies in [{@code firstId}, {@code lastId}] (the nightly recompute's
	 * page of organisations, read in one streamed call); an organisation that is not in the map has no orders.
	 * {@code null} when they could not be read: the reorders are then left as they were.
	 */
	Map<String, List<ReorderRules.Line>> linesOfRange(String firstId, String lastId);
}
