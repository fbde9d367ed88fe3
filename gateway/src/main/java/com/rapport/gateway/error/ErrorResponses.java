package com.rapport.gateway.error;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/** Writes the gateway's own error answers onto an exchange: a problem document on /api/**, a page elsewhere. */
public final class ErrorResponses {

	private static final long DRAIN_LIMIT = 1024 * 1024;

	private static final Duration DRAIN_TIME = Duration.ofSeconds(5);

	private static final Duration LARGE_BODY_DRAIN_TIME = Duration.ofMillis(250);

	private ErrorResponses() {
	}

	public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status) {
		String path = exchange.getRequest().getURI().getRawPath();
		if (ErrorAnswers.isApi(path)) {
			return write(exchange, status, ErrorAnswers.problem(status, acceptLanguage(exchange)));
		}
		return writePage(exchange, status);
	}

	/**
	 * A problem document of kind {@code code} with a detail of its own ({@code reason}, a key of the gateway's
	 * bundle, and its values) in the caller's language.
	 */
	public static Mono<Void> writeProblem(ServerWebExchange exchange, HttpStatus status, String code, String reason,
			Object... args) {
		return write(exchange, status, ErrorAnswers.problem(status, code, reason, acceptLanguage(exchange), args));
	}

	/** The Accept-Language header of the request, or null. */
	public static String acceptLanguage(ServerWebExchange exchange) {
		return exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE);
	}

	/**
	 * Reads (and drops) what the client sends of a body the answer refuses, at most {@link #DRAIN_LIMIT} bytes,
	 * before writing the answer: a connection closed with bytes of the request still unread is reset, not closed,
	 * and the client loses the answer it was about to read (the bad-input sweep lost a 413 that way once in 10,000
	 * requests). A small body is waited for; of a large, endless or unannounced one only what arrives within a
	 * moment is read.
	 */
	private static Mono<Void> afterBody(ServerWebExchange exchange, Mono<Void> answer) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length == 0) {
			return answer;
		}
		Duration wait = length > 0 && length <= DRAIN_LIMIT ? DRAIN_TIME : LARGE_BODY_DRAIN_TIME;
		AtomicLong read = new AtomicLong();
		return exchange.getRequest().getBody()
			.doOnNext(buffer -> {
				read.addAndGet(buffer.readableByteCount());
				DataBufferUtils.release(buffer);
			})
			.takeUntil(released -> read.get() >= DRAIN_LIMIT)
			.take(wait)
			.then()
			.onErrorResume(ex -> Mono.empty())
			.then(Mono.defer(() -> answer));
	}

	private static Mono<Void> writePage(ServerWebExchange exchange, HttpStatus status) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
		byte[] page = ErrorAnswers.page(status, acceptLanguage(exchange));
		return afterBody(exchange, Mono.defer(() -> response.writeWith(Mono.just(response.bufferFactory().wrap(page)))));
	}

	private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, byte[] problem) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().setContentLength(problem.length);
		Mono<Void> answer = Mono.defer(() -> response.writeWith(Mono.just(response.bufferFactory().wrap(problem))));
		return afterBody(exchange, answer);
	}
}
