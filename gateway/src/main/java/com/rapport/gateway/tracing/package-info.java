/**
 * Seeing what runs: the gateway starts or continues each request's trace (W3C {@code traceparent}, Micrometer
 * Tracing on OpenTelemetry, configured in {@code application.yml}), passes it on to the module it forwards to, and
 * logs one line per request that carries the trace id.
 */
package com.rapport.gateway.tracing;
