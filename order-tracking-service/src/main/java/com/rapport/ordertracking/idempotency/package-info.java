/**
 * Partner writes made safe to repeat: an {@code Idempotency-Key} answered once and replayed for 24 hours, kept in
 * MongoDB so that it holds across restarts and replicas.
 */
package com.rapport.ordertracking.idempotency;
