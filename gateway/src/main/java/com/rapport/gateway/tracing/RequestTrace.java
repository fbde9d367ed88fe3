package com.rapport.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.MDC;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * A log line about one request, in that request's trace. The gateway does not copy the trace into every thread a
 * request's work happens to run on ({@code spring.reactor.context-propagation=limited}: restoring the thread-locals
 * around each of Reactor's operators was a large share of the gateway's processor time per request, measured with
 * the benchmark harness's {@code gateway} scenario); a line about a request takes its trace from the request's own
 * observation instead, which the web handler keeps among the exchange's attributes.
 */
public final class RequestTrace {

	private static final String TRACE_ID = "traceId";

	private static final String SPAN_ID = "spanId";

	private RequestTrace() {
	}

	/** Runs {@code line} (a logger call) with the request's trace and span ids in the MDC, as every other line. */
	public static void log(ServerWebExchange exchange, Runnable line) {
		TraceContext trace = traceOf(exchange);
		if (trace == null || MDC.get(TRACE_ID) != null) {
			line.run();
			return;
		}
		MDC.put(TRACE_ID, trace.traceId());
		MDC.put(SPAN_ID, trace.spanId());
		try {
			line.run();
		}
		finally {
			MDC.remove(TRACE_ID);
			MDC.remove(SPAN_ID);
		}
	}

	static TraceContext traceOf(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map(context -> context.<TracingObservationHandler.TracingContext>get(
					TracingObservationHandler.TracingContext.class))
			.map(TracingObservationHandler.TracingContext::getSpan)
			.map(Span::context)
			.orElse(null);
	}
}
