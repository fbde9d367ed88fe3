package com.rapport.gateway.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A browser form posted through the gateway is read twice: here, where the CSRF check looks for its
 * {@code _csrf} field, and by portal-web, which handles it. A request body can be read only once, so the
 * form is parsed before Spring Security (which then finds it parsed) and sent on re-encoded, with its
 * length.
 */
class FormBodyReplayFilter implements WebFilter, Ordered {

	/** Before Spring Security's filter chain (at -100). */
	static final int ORDER = -200;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		var request = exchange.getRequest();
		boolean form = MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(request.getHeaders().getContentType());
		if (!form || request.getMethod() == HttpMethod.GET || request.getPath().value().startsWith("/api/")) {
			return chain.filter(exchange);
		}
		return exchange.getFormData().flatMap(fields -> {
			byte[] body = encode(fields).getBytes(StandardCharsets.UTF_8);
			HttpHeaders headers = new HttpHeaders();
			headers.putAll(request.getHeaders());
			headers.setContentLength(body.length);
			ServerHttpRequestDecorator replayed = new ServerHttpRequestDecorator(request) {
				@Override
				public HttpHeaders getHeaders() {
					return headers;
				}

				@Override
				public Flux<DataBuffer> getBody() {
					return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
				}
			};
			return chain.filter(exchange.mutate().request(replayed).build());
		});
	}

	static String encode(MultiValueMap<String, String> fields) {
		return fields.entrySet().stream()
			.flatMap(field -> (field.getValue().isEmpty() ? List.of("") : field.getValue()).stream()
				.map(value -> Map.entry(field.getKey(), value)))
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}
}
