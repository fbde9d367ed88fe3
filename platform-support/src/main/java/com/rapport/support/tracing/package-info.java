/**
 * Seeing what runs: the trace context carried from the gateway through portal-web, gRPC and MongoDB (Micrometer
 * Tracing on OpenTelemetry, W3C {@code traceparent}), and one log line per request or call that carries its trace
 * id. The outboxes' part is in {@code com.rapport.support.timeline} ({@code OutboxTelemetry}).
 */
package com.rapport.support.tracing;
