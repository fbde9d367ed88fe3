package com.rapport.gateway.tracing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One line per request once answered ({@code POST /api/tickets/v1/tickets 201 35 ms}), logged in the request's
 * trace ({@link RequestTrace}), so the line carries its trace id; actuator's requests (probes, scrapes) are left out. {@code rapport.request-log.enabled}
 * (default true) turns it off.
 */
class RequestLogFilter implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(RequestLogFilter.class);

	@Override
	public int getOrder() {
		// Outside the security chain (-100): its refusals are logged too.
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (path.startsWith("/actuator/")) {
			return chain.filter(exchange);
		}
		long start = System.nanoTime();
		String method = exchange.getRequest().getMethod().name();
		return chain.filter(exchange).doFinally(signal -> RequestTrace.log(exchange, () -> log.info("{} {} {} {} ms",
				method, path,
				exchange.getResponse().getStatusCode() == null ? "-" : exchange.getResponse().getStatusCode().value(),
				(System.nanoTime() - start) / 1_000_000)));
	}
}
