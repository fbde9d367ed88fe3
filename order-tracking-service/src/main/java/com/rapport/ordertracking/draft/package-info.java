/**
 * Draft orders (issue 16): "reorder as last time" from a customer's contact, made once per request by
 * customer-service, read by the partner system and confirmed by it into a placed order.
 */
package com.rapport.ordertracking.draft;
