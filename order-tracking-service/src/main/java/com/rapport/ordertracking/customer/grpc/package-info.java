/** The customer directory as a gRPC client of customer-service. */
package com.rapport.ordertracking.customer.grpc;
