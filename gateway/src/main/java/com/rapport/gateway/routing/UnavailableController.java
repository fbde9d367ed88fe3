package com.rapport.gateway.routing;

import com.rapport.gateway.error.ErrorAnswers;
import com.rapport.gateway.tracing.RequestTrace;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The fallback of every route's circuit breaker: the service did not answer (refused, timed out, or its
 * breaker is open). Partners get an RFC 9457 problem document, browsers a short page, both in the language of
 * their Accept-Language ({@link ErrorAnswers}); both say 503 with {@code Retry-After}, so nobody mistakes it for
 * success or for their own fault.
 */
@RestController
class UnavailableController {

	private static final Logger log = LoggerFactory.getLogger(UnavailableController.class);

	static final String RETRY_AFTER_SECONDS = "10";

	/** The end of the {@code api-unknown} route: an {@code /api/**} address no service serves. */
	@RequestMapping("/unknown-api")
	ResponseEntity<byte[]> unknownApi(
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ErrorAnswers.problem(HttpStatus.NOT_FOUND, language));
	}

	@RequestMapping(path = "/unavailable", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<byte[]> page(
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language,
			ServerWebExchange exchange) {
		logCause(exchange);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(ErrorAnswers.page(HttpStatus.SERVICE_UNAVAILABLE, language));
	}

	@RequestMapping("/unavailable")
	ResponseEntity<byte[]> problem(
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language,
			ServerWebExchange exchange) {
		logCause(exchange);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ErrorAnswers.problem(HttpStatus.SERVICE_UNAVAILABLE, language));
	}

	/**
	 * Says why the route's service was taken as unavailable: the failure that counted against its breaker is a
	 * warning (with its kind and message, never a stack trace); a call refused by the open breaker itself is only
	 * counted at debug level, since while it is open every request says the same.
	 */
	private static void logCause(ServerWebExchange exchange) {
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String routeId = route == null ? "?" : route.getId();
		if (cause instanceof CallNotPermittedException) {
			RequestTrace.log(exchange, () -> log.debug("Route {}: circuit breaker open, {} answered unavailable", routeId,
					requestedPath(exchange)));
		}
		else if (cause != null) {
			RequestTrace.log(exchange, () -> log.warn("Route {}: {} answered unavailable after {}: {}", routeId,
					requestedPath(exchange), cause.getClass().getName(), cause.getMessage()));
		}
	}

	/**
	 * The address the caller asked for: the fallback is reached by a forward to {@code /unavailable}, and the request
	 * as it came in is the carrier of the request's observation.
	 */
	private static String requestedPath(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map(observed -> observed.getCarrier().getPath().value())
			.orElse(exchange.getRequest().getPath().value());
	}
}
