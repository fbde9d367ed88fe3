/**
 * Telling customer-service's timeline what happened, for the services that keep an outbox of timeline events
 * inside their own documents: the relay, its lease-guarded schedule, and the recorder's contract.
 */
package com.rapport.support.timeline;
