/**
 * The customer directory as a gRPC client of customer-service, over the customer-service stub that
 * platform-support's timeline client provides.
 */
package com.rapport.ordertracking.customer.grpc;
