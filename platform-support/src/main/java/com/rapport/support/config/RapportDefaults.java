package com.rapport.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The operational settings every Rapport application shares (graceful shutdown, probes, the trace-id log
 * pattern, the Keycloak resource server, Resilience4j defaults), from {@code rapport-defaults.yml}; and for a
 * service (an application that serves gRPC, with a store of its own) also {@code rapport-service-defaults.yml}
 * (gRPC health, the database named after the service, readiness on MongoDB, its own client-credentials
 * token). They come last, below everything else: a service's {@code application.yml}, an environment variable
 * or a test property overrides any of them, and each service's file keeps only what is its own.
 * <p>
 * Runs after Boot has read the application's own files, so it can tell a service from portal-web
 * ({@code spring.grpc.server.enabled=false}).
 */
public class RapportDefaults implements EnvironmentPostProcessor, Ordered {

	static final String DEFAULTS = "rapport-defaults.yml";

	static final String SERVICE_DEFAULTS = "rapport-service-defaults.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		addLast(environment, DEFAULTS);
		if (isService(environment)) {
			addLast(environment, SERVICE_DEFAULTS);
		}
	}

	/** A service serves gRPC; portal-web, which only calls, turns its server off. */
	static boolean isService(ConfigurableEnvironment environment) {
		return environment.getProperty("spring.grpc.server.enabled", Boolean.class, true);
	}

	private static void addLast(ConfigurableEnvironment environment, String file) {
		if (environment.getPropertySources().contains(file)) {
			return;
		}
		try {
			List<PropertySource<?>> documents = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
			if (documents.size() != 1) {
				throw new IllegalStateException(file + " must hold exactly one document");
			}
			// Named after the file, so that /actuator/env and a failure analysis say where a default came from.
			environment.getPropertySources().addLast(documents.get(0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file + " from platform-support", ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
