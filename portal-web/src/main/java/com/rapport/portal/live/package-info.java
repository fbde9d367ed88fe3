/**
 * The live portal: server-sent events at {@code /portal/live} for a contact's open order pages, fed by
 * order-tracking-service's {@code OrderEventsService/Follow} stream, and the unread count of its inbox.
 */
package com.rapport.portal.live;
