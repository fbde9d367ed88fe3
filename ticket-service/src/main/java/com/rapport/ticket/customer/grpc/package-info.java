/** The customer directory and the timeline recorder as gRPC clients of customer-service. */
package com.rapport.ticket.customer.grpc;
