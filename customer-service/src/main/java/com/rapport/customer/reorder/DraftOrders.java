package com.rapport.customer.reorder;

/**
 * order-tracking-service's draft orders (gRPC adapter in {@code reorder.grpc}): one draft per request id, however
 * often asked. Fails with {@code RemoteUnavailableException} when order-tracking-service does not answer.
 */
public interface DraftOrders {

	/** The draft made for {@code requestId}, now or before. */
	Made create(String organisationId, String requestId, String sku, String description, int quantity,
			String requestedBy);

	record Made(String draftNumber, boolean created) {
	}
}
