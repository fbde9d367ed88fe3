package com.rapport.support.config;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.mock.env.MockPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's defaults reach every application, a service's only a service, and the application's own win. */
class RapportDefaultsTests {

	private static ConfigurableEnvironment prepared(MockPropertySource own) {
		ConfigurableEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(own.withProperty("spring.application.name", "ticket-service"));
		new RapportDefaults().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

	@Test
	void aServiceGetsTheSharedAndTheServiceDefaults() {
		ConfigurableEnvironment service = prepared(new MockPropertySource());

		assertThat(service.getProperty("server.shutdown")).isEqualTo("graceful");
		assertThat(service.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(service.getProperty("logging.pattern.correlation")).startsWith("[ticket-service,");
		assertThat(service.getProperty("resilience4j.retry.configs.default.retry-exceptions[0]"))
			.isEqualTo("com.rapport.support.error.RemoteUnavailableException");
		assertThat(service.getProperty("spring.grpc.server.health.enabled")).isEqualTo("true");
		assertThat(service.getProperty("spring.mongodb.database")).isEqualTo("ticket-service");
		assertThat(service.getProperty("management.endpoint.health.group.readiness.include"))
			.isEqualTo("readinessState,mongo");
		assertThat(service.getProperty("rapport.service-client.client-id")).isEqualTo("ticket-service");
		assertThat(service.getProperty("rapport.service-client.client-secret")).isEqualTo("ticket-service-secret");
	}

	@Test
	void anApplicationWithoutAGrpcServerGetsOnlyTheSharedDefaults() {
		ConfigurableEnvironment portal = prepared(new MockPropertySource().withProperty("spring.grpc.server.enabled", "false"));

		assertThat(portal.getProperty("server.shutdown")).isEqualTo("graceful");
		assertThat(portal.getProperty("spring.security.oauth2.resourceserver.jwt.audiences")).isEqualTo("rapport-api");
		// No store, so no MongoDB in its readiness, and no service token of its own (it acts for its users).
		assertThat(portal.getProperty("management.endpoint.health.group.readiness.include")).isNull();
		assertThat(portal.getProperty("rapport.service-client.client-id")).isNull();
	}

	@Test
	void theApplicationsOwnSettingsAndTheEnvironmentWin() {
		ConfigurableEnvironment service = prepared(new MockPropertySource()
			.withProperty("spring.lifecycle.timeout-per-shutdown-phase", "5s")
			.withProperty("resilience4j.retry.configs.default.max-attempts", "4"));

		assertThat(service.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("5s");
		assertThat(service.getProperty("resilience4j.retry.configs.default.max-attempts")).isEqualTo("4");
		assertThat(service.getPropertySources().stream().map(source -> source.getName()).toList())
			.endsWith(RapportDefaults.DEFAULTS, RapportDefaults.SERVICE_DEFAULTS);
	}

	@Test
	void everyRequestIsTracedAndNothingIsExportedUntilAnEndpointIsSet() {
		ConfigurableEnvironment portal = prepared(new MockPropertySource().withProperty("spring.grpc.server.enabled", "false"));

		assertThat(portal.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
		// Boot creates the OTLP span exporter only when this is set, so without a collector nothing is sent or waits.
		assertThat(portal.getProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isNull();
		assertThat(portal.getProperty("management.otlp.metrics.export.enabled")).isEqualTo("false");
		assertThat(prepared(new MockPropertySource().withProperty("TRACING_SAMPLING", "0.1"))
			.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
	}
}
