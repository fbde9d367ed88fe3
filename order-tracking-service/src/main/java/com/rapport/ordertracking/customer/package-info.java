/**
 * What this service needs to know of customer organisations, asked of customer-service over gRPC (what it
 * tells their timeline goes through platform-support's {@code com.rapport.support.timeline}).
 */
package com.rapport.ordertracking.customer;
