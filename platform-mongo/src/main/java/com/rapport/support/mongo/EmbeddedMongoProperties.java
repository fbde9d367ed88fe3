package com.rapport.support.mongo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded MongoDB-wire server used when no real MongoDB is configured.
 *
 * @param enabled       start the embedded server when no {@code spring.mongodb.uri} is set
 * @param directory     where the store keeps its file (one directory per service)
 * @param inMemory      keep nothing on disk (tests)
 * @param cacheSizeMb   the store's page cache, in MB (default: a quarter of the JVM's maximum heap, between 16 and
 *                      128: with the platform's 256 MB heaps, 64)
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
		cacheSizeMb = cacheSizeMb == null ? defaultCacheSizeMb(Runtime.getRuntime().maxMemory()) : cacheSizeMb;
		workerThreads = workerThreads == null ? 16 : workerThreads;
		sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
		compactInterval = compactInterval == null ? Duration.ofSeconds(2) : compactInterval;
	}

	/**
	 * A quarter of the heap, so that the cache leaves the service room to work: with 128 MB of cache in a 256 MB
	 * heap, customer-service spent a sixth of its time in the garbage collector while partners loaded organisations.
	 */
	static int defaultCacheSizeMb(long maxHeapBytes) {
		long quarter = maxHeapBytes / 4 / (1024 * 1024);
		return (int) Math.max(16, Math.min(128, quarter));
	}
}
