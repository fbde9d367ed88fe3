package com.rapport.customer.growth;

/**
 * Reads an organisation's {@link SupportFacts} from ticket-service and feedback-service (gRPC adapter in
 * {@code growth.grpc}); never throws: a part that cannot be read is {@code null}.
 */
public interface SupportSignals {

	SupportFacts of(String organisationId);
}
