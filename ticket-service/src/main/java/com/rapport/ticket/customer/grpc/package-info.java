/**
 * The customer and contact directories as gRPC clients of customer-service (the organisation summary, the
 * contacts found by email and the notification contacts), over platform-support's clients.
 */
package com.rapport.ticket.customer.grpc;
