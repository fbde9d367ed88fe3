package com.rapport.support.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

import com.mongodb.ConnectionString;
import com.rapport.support.mongo.store.StoreBackend;
import com.rapport.support.mongo.store.StoreMaintenance;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded store ({@link StoreBackend}: mongo-java-server's wire protocol over an H2 MVStore file)
 * on a free loopback port when no real MongoDB is configured, so that {@code ./platform up} needs nothing
 * installed. Every write is on disk before it is answered, and indexes are real. It has no sessions and no
 * transactions, which the services never use (see ARCHITECTURE.md, rule 2).
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(name = "de.bwaldvogel.mongo.MongoServer")
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
@ConditionalOnProperty(name = "rapport.mongodb.embedded.enabled", matchIfMissing = true)
@Conditional(NoMongoUriCondition.class)
public class EmbeddedMongoAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	StoreBackend embeddedMongoStore(EmbeddedMongoProperties properties,
			@Value("${spring.application.name:rapport}") String applicationName) {
		if (properties.inMemory()) {
			return new StoreBackend(null, properties.cacheSizeMb(), Clock.systemUTC());
		}
		Path directory = Path.of(StringUtils.hasText(properties.directory()) ? properties.directory()
				: "data/" + applicationName);
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + directory.toAbsolutePath(), ex);
		}
		Path file = directory.resolve("mongo.mv");
		log.info("Embedded MongoDB store at {} (set MONGODB_URI to use a real MongoDB)", file.toAbsolutePath());
		return new StoreBackend(file, properties.cacheSizeMb(), Clock.systemUTC());
	}

	@Bean(destroyMethod = "shutdownNow")
	MongoServer embeddedMongoServer(StoreBackend embeddedMongoStore, EmbeddedMongoProperties properties) {
		MongoServer server = new MongoServer(embeddedMongoStore);
		server.bind(new InetSocketAddress("127.0.0.1", 0), 1, properties.workerThreads());
		return server;
	}

	/**
	 * Removes expired documents of TTL indexes and keeps the file compact, in the background: the sweep every
	 * {@code sweep-interval}, the compaction every {@code compact-interval}, on a thread of their own. The handle is no
	 * {@link ScheduledExecutorService}: a bean of that type becomes every {@code @Scheduled} method's executor (Spring
	 * falls back to a single one, and Boot then makes no scheduler of its own), so the services' notification rounds,
	 * relays and webhooks all ran one after another on this one thread, behind the compaction (found in session 13 by
	 * profiling order-tracking-service: the mails fell behind at 50 milestones a second).
	 */
	@Bean(destroyMethod = "close")
	Maintenance embeddedMongoMaintenance(StoreBackend embeddedMongoStore, EmbeddedMongoProperties properties) {
		return new Maintenance(
				StoreMaintenance.start(embeddedMongoStore, properties.sweepInterval(), properties.compactInterval()));
	}

	/** The running store maintenance; closing it stops it. */
	record Maintenance(ScheduledExecutorService sweeper) implements AutoCloseable {

		@Override
		public void close() {
			sweeper.shutdownNow();
		}
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer,
			@Value("${spring.mongodb.database:${spring.application.name:rapport}}") String database) {
		InetSocketAddress address = embeddedMongoServer.getLocalAddress();
		ConnectionString connectionString = new ConnectionString(
				"mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
		return () -> connectionString;
	}
}
