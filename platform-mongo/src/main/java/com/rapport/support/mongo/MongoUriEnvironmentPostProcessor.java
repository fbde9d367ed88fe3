package com.rapport.support.mongo;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Lets operators say {@code MONGODB_URI=...} (the name every deployment tool uses) instead of Spring's own
 * {@code SPRING_MONGODB_URI}. An explicit {@code spring.mongodb.uri} wins.
 */
public class MongoUriEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String URI_PROPERTY = "spring.mongodb.uri";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String uri = environment.getProperty("MONGODB_URI");
		if (StringUtils.hasText(uri) && !environment.containsProperty(URI_PROPERTY)) {
			environment.getPropertySources().addLast(new MapPropertySource("rapportMongoUri", Map.of(URI_PROPERTY, uri)));
		}
	}
}
