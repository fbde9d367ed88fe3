package com.rapport.gateway.ratelimit;

import com.rapport.gateway.tracing.RequestTrace;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.rapport.gateway.error.ErrorAnswers;
import com.rapport.gateway.error.ErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Holds each partner client (by its client id, on {@code /api/**}) and each signed-in person (by user
 * name, elsewhere) to a request budget per window. Over budget: 429 with {@code Retry-After}, a problem
 * document for partners, and nothing forwarded. Every answer carries the remaining budget.
 * Unauthenticated requests never get here with a principal and are not counted: they are refused or sent
 * to log in first. Counting costs no store round trip: {@link SharedBudgets} counts in memory and shares the
 * counts with the other replicas in the background (a rate limit is no reason for latency, nor for an outage).
 */
class RateLimitFilter implements GlobalFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	private final SharedBudgets budgets;

	private final RateLimitProperties properties;

	private final Clock clock;

	RateLimitFilter(SharedBudgets budgets, RateLimitProperties properties, Clock clock) {
		this.budgets = budgets;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!properties.enabled()) {
			return chain.filter(exchange);
		}
		boolean partnerApi = exchange.getRequest().getPath().value().startsWith("/api/");
		int limit = partnerApi ? properties.partnerRequests() : properties.userRequests();
		// Mono<Void> completes empty, so "no principal" travels as an empty Optional.
		return exchange.getPrincipal()
			.map(principal -> Optional.of(callerKey(principal, partnerApi)))
			.defaultIfEmpty(Optional.empty())
			.flatMap(caller -> {
				if (caller.isEmpty()) {
					return chain.filter(exchange);
				}
				Instant now = clock.instant();
				return decide(exchange, chain, budgets.hit(caller.get(), now, properties.window()), limit, now,
						partnerApi, caller.get());
			});
	}

	private Mono<Void> decide(ServerWebExchange exchange, GatewayFilterChain chain, SharedBudgets.Window window,
			int limit, Instant now, boolean partnerApi, String caller) {
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().set("RateLimit-Limit", String.valueOf(limit));
		response.getHeaders().set("RateLimit-Remaining", String.valueOf(Math.max(0, limit - window.count())));
		if (window.count() <= limit) {
			return chain.filter(exchange);
		}
		long retryAfter = Math.max(1, Duration.between(now, window.resetsAt()).toSeconds() + 1);
		RequestTrace.log(exchange,
				() -> log.info("Rate limit reached by {} ({} requests per {})", caller, limit, properties.window()));
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
		if (partnerApi) {
			return ErrorResponses.writeProblem(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"gateway.rate-limited", String.valueOf(limit), String.valueOf(properties.window().toSeconds()),
					String.valueOf(retryAfter));
		}
		response.getHeaders().setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
		String body = ErrorAnswers.say(ErrorAnswers.locale(ErrorResponses.acceptLanguage(exchange)),
				"gateway.rate-limited.page", String.valueOf(retryAfter)) + "\n";
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

	/** Partners are counted per client (all their tokens together), people per user name. */
	static String callerKey(Principal principal, boolean partnerApi) {
		if (partnerApi && principal instanceof JwtAuthenticationToken jwt) {
			String client = jwt.getToken().getClaimAsString("azp");
			return "client:" + (client != null ? client : jwt.getName());
		}
		return "user:" + principal.getName();
	}
}
