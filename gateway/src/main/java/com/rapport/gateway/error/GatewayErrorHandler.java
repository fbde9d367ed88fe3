package com.rapport.gateway.error;

import com.rapport.gateway.tracing.RequestTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every failure inside the gateway (no route, wrong method, unreadable request, an unexpected exception) answers
 * in the one shape: a problem document with a code on {@code /api/**}, a page in the reader's language
 * elsewhere. Replaces Boot's default handler (its JSON is not a problem document, its page is English only).
 */
class GatewayErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatus status = statusOf(ex);
		if (status.is5xxServerError()) {
			RequestTrace.log(exchange, () -> log.error("Answering {} to {} {}", status.value(),
					exchange.getRequest().getMethod(), exchange.getRequest().getURI().getRawPath(), ex));
		}
		exchange.getResponse().getHeaders().clearContentHeaders();
		return ErrorResponses.write(exchange, status);
	}

	static HttpStatus statusOf(Throwable ex) {
		HttpStatusCode code = null;
		if (ex instanceof ErrorResponse response) {
			code = response.getStatusCode();
		}
		else if (ex instanceof IllegalArgumentException && isCharsetOrMediaType(ex)) {
			code = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
		}
		HttpStatus status = code == null ? null : HttpStatus.resolve(code.value());
		return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static boolean isCharsetOrMediaType(Throwable ex) {
		return ex instanceof java.nio.charset.UnsupportedCharsetException
				|| ex instanceof java.nio.charset.IllegalCharsetNameException
				|| ex instanceof org.springframework.http.InvalidMediaTypeException;
	}
}
