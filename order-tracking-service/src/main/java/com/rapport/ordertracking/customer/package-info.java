/** What this service needs to know of customer organisations, asked of customer-service over gRPC. */
package com.rapport.ordertracking.customer;
