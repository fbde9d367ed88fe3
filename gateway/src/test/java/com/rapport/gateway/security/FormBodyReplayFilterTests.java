package com.rapport.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** A form read by the CSRF check still reaches portal-web whole. */
class FormBodyReplayFilterTests {

	@Test
	void theFormCanBeReadHereAndIsStillSentOnWhole() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/portal/profile")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("_csrf=t0k3n&timeZone=Europe%2FBerlin&language=zh-CN&note=caf%C3%A9+au+lait"));
		AtomicReference<String> forwarded = new AtomicReference<>();
		AtomicReference<String> csrf = new AtomicReference<>();

		new FormBodyReplayFilter().filter(exchange, next -> next.getFormData()
			.doOnNext(form -> csrf.set(form.getFirst("_csrf")))
			.then(DataBufferUtils.join(next.getRequest().getBody()))
			.doOnNext(buffer -> forwarded.set(buffer.toString(StandardCharsets.UTF_8)))
			.then(Mono.fromRunnable(() -> assertThat(next.getRequest().getHeaders().getContentLength())
				.isEqualTo(forwarded.get().getBytes(StandardCharsets.UTF_8).length))))
			.block();

		assertThat(csrf.get()).isEqualTo("t0k3n");
		assertThat(forwarded.get()).isEqualTo("_csrf=t0k3n&timeZone=Europe%2FBerlin&language=zh-CN&note=caf%C3%A9+au+lait");
	}

	@Test
	void partnerApiBodiesAreLeftAlone() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/orders/v1/orders")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body("a=b"));
		AtomicReference<Object> request = new AtomicReference<>();
		new FormBodyReplayFilter().filter(exchange, next -> Mono.fromRunnable(() -> request.set(next.getRequest())))
			.block();
		assertThat(request.get()).isSameAs(exchange.getRequest());
	}
}
