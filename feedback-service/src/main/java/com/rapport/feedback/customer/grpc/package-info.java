/** The timeline recorder as a gRPC client of customer-service. */
package com.rapport.feedback.customer.grpc;
