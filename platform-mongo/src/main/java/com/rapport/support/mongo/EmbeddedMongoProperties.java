package com.rapport.support.mongo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded MongoDB-wire server used when no real MongoDB is configured.
 *
 * @param enabled       start the embedded server when no {@code spring.mongodb.uri} is set
 * @param directory     where the store keeps its file (one directory per service)
 * @param inMemory      keep nothing on disk (tests)
 * @param cacheSizeMb   the store's page cache, in MB (default 128)
 * @param workerThreads threads answering requests (default 16); a writer waits for its sync on one of them
 * @param sweepInterval how often expired documents of TTL indexes are removed (1 minute)
 * @param compactInterval how often the file's sparsest chunks are rewritten so their space is reused (2 seconds)
 */
@ConfigurationProperties("rapport.mongodb.embedded")
public record EmbeddedMongoProperties(Boolean enabled, String directory, Boolean inMemory, Integer cacheSizeMb,
		Integer workerThreads, Duration sweepInterval, Duration compactInterval) {

	public EmbeddedMongoProperties {
		enabled = enabled == null || enabled;
		inMemory = inMemory != null && inMemory;
		cacheSizeMb = cacheSizeMb == null ? 128 : cacheSizeMb;
		workerThreads = workerThreads == null ? 16 : workerThreads;
		sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
		compactInterval = compactInterval == null ? Duration.ofSeconds(2) : compactInterval;
	}
}
