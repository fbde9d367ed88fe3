/** Receivables over gRPC for the portal and the console, and the organisation's size asked of customer-service. */
package com.rapport.ordertracking.receivables.grpc;
