package com.rapport.support.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded MongoDB-wire server used when no real MongoDB is configured.
 *
 * @param enabled   start the embedded server when no {@code spring.mongodb.uri} is set
 * @param directory where the H2 file backend keeps the data (one directory per service)
 * @param inMemory  keep nothing on disk (tests)
 */
@ConfigurationProperties("rapport.mongodb.embedded")
public record EmbeddedMongoProperties(Boolean enabled, String directory, Boolean inMemory) {

	public EmbeddedMongoProperties {
		enabled = enabled == null || enabled;
		inMemory = inMemory != null && inMemory;
	}
}
