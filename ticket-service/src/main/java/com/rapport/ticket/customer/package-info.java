/**
 * What this service needs of customer organisations (their tier), asked of customer-service over gRPC (what it
 * tells their timeline goes through platform-support's {@code com.rapport.support.timeline}).
 */
package com.rapport.ticket.customer;
