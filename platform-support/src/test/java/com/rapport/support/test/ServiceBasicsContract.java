package com.rapport.support.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service promises its operators and callers, whatever its domain: probes that answer, the
 * standard gRPC health service, and no API answer without a token. A service's test extends this with
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"rapport.mongodb.embedded.in-memory=true",
 * "spring.grpc.server.port=0", "spring.grpc.server.inprocess.name=<name>"})}.
 */
public abstract class ServiceBasicsContract {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Value("${spring.grpc.server.inprocess.name}")
	String inProcessName;

	private ManagedChannel channel;

	/** A path of the service's partner API, which must refuse a call without a token. */
	protected abstract String apiPath();

	@AfterEach
	void closeChannel() {
		if (channel != null) {
			channel.shutdownNow();
		}
	}

	@Test
	void livenessAndReadinessProbesAnswerUpWithoutAToken() throws Exception {
		assertThat(get("/actuator/health/liveness").body()).contains("\"UP\"");
		assertThat(get("/actuator/health/readiness").body()).contains("\"UP\"");
	}

	@Test
	void theApiRefusesACallWithoutATokenWithAProblemDocument() throws Exception {
		HttpResponse<String> response = get(apiPath());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":401");
	}

	@Test
	void theStandardGrpcHealthServiceSaysServingWithoutAToken() {
		channel = InProcessChannelBuilder.forName(inProcessName).directExecutor().build();
		HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
		assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
