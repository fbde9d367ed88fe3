package com.rapport.gateway.tracing;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Passes the request's trace on to the module it is forwarded to: the trace headers the caller sent (if any) are
 * replaced by the gateway's own span of the request ({@code traceparent 00-<trace>-<gateway's span>-01}), so every
 * process's log lines of one request carry one trace id and the service's span is a child of the gateway's.
 * <p>
 * This takes the place of Spring Cloud Gateway's observed request headers filter
 * ({@code spring.cloud.gateway.server.webflux.observability.enabled: false}), which made a client span and a timer
 * of its own for every forwarded request: processor time per request that told nothing the request's own span
 * does not (benchmarks README, scenario {@code gateway}).
 */
class TraceHeadersFilter implements HttpHeadersFilter, Ordered {

	private final Propagator propagator;

	TraceHeadersFilter(Propagator propagator) {
		this.propagator = propagator;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		TraceContext trace = RequestTrace.traceOf(exchange);
		if (trace == null) {
			return input;
		}
		HttpHeaders forwarded = new HttpHeaders();
		forwarded.putAll(input);
		this.propagator.fields().forEach(forwarded::remove);
		this.propagator.inject(trace, forwarded, HttpHeaders::set);
		return forwarded;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

	@Override
	public int getOrder() {
		// After the filters that remove hop-by-hop and forwarded headers.
		return Ordered.LOWEST_PRECEDENCE;
	}
}
