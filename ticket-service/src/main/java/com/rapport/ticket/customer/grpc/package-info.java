/**
 * The customer directory as a gRPC client of customer-service's organisation summary, over platform-support's
 * {@code OrganisationSummaryClient}.
 */
package com.rapport.ticket.customer.grpc;
