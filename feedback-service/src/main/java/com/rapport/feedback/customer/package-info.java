/** What this service tells customer-service: the organisation's timeline, over gRPC. */
package com.rapport.feedback.customer;
