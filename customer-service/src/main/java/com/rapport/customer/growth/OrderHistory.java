package com.rapport.customer.growth;

import java.util.List;

/**
 * An organisation's ordered products from order-tracking-service (gRPC adapter in {@code growth.grpc}): every
 * line of its orders that were not cancelled, with when the order was placed. {@code null} when it could not be
 * read: the reorders are then left as they were.
 */
public interface OrderHistory {

	List<ReorderRules.Line> linesOf(String organisationId);
}
