/** What this service needs of customer organisations (their tier) and tells their timeline, over gRPC with customer-service. */
package com.rapport.ticket.customer;
