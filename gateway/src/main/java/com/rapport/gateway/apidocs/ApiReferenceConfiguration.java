package com.rapport.gateway.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Properties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves {@code /api/docs/}: a page of our own ({@code api-docs/index.html}, no inline script) that starts Swagger
 * UI from its webjar on the documents at {@code /api/<area>/v1/openapi.json}. A router function, so it answers
 * before the gateway's routes (which would send {@code /api/**} to a service or to the unknown-API answer).
 */
@Configuration(proxyBeanMethods = false)
class ApiReferenceConfiguration {

	static final String PATH = "/api/docs/";

	@Bean
	RouterFunction<ServerResponse> apiReference() {
		ClassPathResource page = new ClassPathResource("api-docs/index.html");
		return RouterFunctions.route()
			.GET("/api/docs", request -> ServerResponse.permanentRedirect(URI.create(PATH)).build())
			.GET(PATH, request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
			.resources(PATH + "swagger-ui/**",
					new ClassPathResource("META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/"))
			.resources(PATH + "**", new ClassPathResource("api-docs/"))
			.build();
	}

	/** The webjar's version, from its own Maven metadata: the dependency's version is named once, in the pom. */
	static String swaggerUiVersion() {
		try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties")
			.getInputStream()) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The swagger-ui webjar is missing", ex);
		}
	}
}
