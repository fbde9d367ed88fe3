package com.rapport.support.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
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
 * Starts mongo-java-server on a free loopback port when no real MongoDB is configured, so that
 * {@code ./platform up} needs nothing installed. The H2 file backend keeps the data across restarts.
 * It speaks the wire protocol only: no sessions and no transactions, which the services never use
 * (see ARCHITECTURE.md, rule 2).
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(name = "de.bwaldvogel.mongo.MongoServer")
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
@ConditionalOnProperty(name = "rapport.mongodb.embedded.enabled", matchIfMissing = true)
@Conditional(NoMongoUriCondition.class)
public class EmbeddedMongoAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);

	@Bean(destroyMethod = "shutdownNow")
	MongoServer embeddedMongoServer(EmbeddedMongoProperties properties,
			@Value("${spring.application.name:rapport}") String applicationName) {
		MongoBackend backend;
		if (properties.inMemory()) {
			backend = new H2Backend(MVStore.open(null));
		}
		else {
			Path directory = Path.of(StringUtils.hasText(properties.directory()) ? properties.directory()
					: "data/" + applicationName);
			try {
				Files.createDirectories(directory);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create the data directory " + directory.toAbsolutePath(), ex);
			}
			Path file = directory.resolve("mongo.mv");
			backend = new H2Backend(file.toString());
			log.info("Embedded MongoDB store at {} (set MONGODB_URI to use a real MongoDB)", file.toAbsolutePath());
		}
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		return server;
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
