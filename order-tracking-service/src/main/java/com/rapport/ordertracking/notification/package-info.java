/**
 * Order changes told to the organisation's contacts by email, each exactly once per address and change: the
 * fan-out from the order's pending notices to a delivery log, and the sender that works the log.
 */
package com.rapport.ordertracking.notification;
