/**
 * Deliveries told to feedback-service, so that it asks the organisation's contacts how easy receiving the order was
 * (CES): a durable outbox in the order document, relayed once per order.
 */
package com.rapport.ordertracking.survey;
