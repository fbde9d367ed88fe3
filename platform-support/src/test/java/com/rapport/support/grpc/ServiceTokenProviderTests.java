package com.rapport.support.grpc;

import com.rapport.support.test.MutableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.support.error.RemoteUnavailableException;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServiceTokenProviderTests {

	private HttpServer keycloak;

	private final AtomicInteger issued = new AtomicInteger();

	private volatile int status = 200;

	private MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));

	@BeforeEach
	void startTokenEndpoint() throws IOException {
		keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		keycloak.createContext("/token", exchange -> {
			String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			byte[] body = ("{\"access_token\":\"token-" + issued.incrementAndGet() + "\",\"expires_in\":300,"
					+ "\"form\":\"" + form.replace("&", ";") + "\"}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		keycloak.start();
	}

	@AfterEach
	void stop() {
		keycloak.stop(0);
	}

	private ServiceTokenProvider provider() {
		String uri = "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/token";
		return new ServiceTokenProvider(new ServiceTokenProperties(uri, "order-tracking-service", "secret",
				Duration.ofSeconds(30)), RestClient.builder(), clock);
	}

	@Test
	void aTokenIsReusedUntilShortlyBeforeItExpires() {
		ServiceTokenProvider provider = provider();
		assertThat(provider.token()).isEqualTo("token-1");
		clock.advance(Duration.ofSeconds(269));
		assertThat(provider.token()).isEqualTo("token-1");
		clock.advance(Duration.ofSeconds(1));
		assertThat(provider.token()).isEqualTo("token-2");
		assertThat(issued).hasValue(2);
	}

	@Test
	void keycloakRefusingIsReportedAsUnavailableNotAsABadToken() {
		status = 401;
		assertThatExceptionOfType(RemoteUnavailableException.class).isThrownBy(provider()::token);
	}
}
