/**
 * Webhooks for partner systems: admins' subscriptions (an address, the order events it wants, a secret), and each
 * order change delivered to every matching subscription as signed JSON, retried with backoff, logged, replayable;
 * a subscription failing for a day is disabled and the admins told.
 */
package com.rapport.ordertracking.webhook;
