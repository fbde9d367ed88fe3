/**
 * What this service needs of customer organisations and their contacts (the tier; who wrote to the support
 * mailbox and how a requester is written to), asked of customer-service over gRPC (what it tells their timeline
 * goes through platform-support's {@code com.rapport.support.timeline}).
 */
package com.rapport.ticket.customer;
