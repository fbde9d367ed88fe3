package com.rapport.support.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.WriteConcern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * With a real MongoDB, a write is acknowledged once a majority of the replica set has it in its journal
 * ({@code w: majority, j: true}): an answer the platform gives (an order accepted, a ticket opened) must survive the
 * loss of the primary and a power cut. A URI that names its own write concern ({@code ?w=1}) keeps it. The
 * embedded store needs none: it syncs every write before answering.
 */
@AutoConfiguration(before = { MongoAutoConfiguration.class, MongoReactiveAutoConfiguration.class })
@ConditionalOnClass(name = "com.mongodb.MongoClientSettings")
@Conditional(MongoUriCondition.class)
public class MongoWriteConcernAutoConfiguration {

	static final WriteConcern DURABLE = WriteConcern.MAJORITY.withJournal(true);

	@Bean
	MongoClientSettingsBuilderCustomizer rapportDurableWriteConcern(ObjectProvider<MongoConnectionDetails> details) {
		return builder -> {
			MongoConnectionDetails connection = details.getIfAvailable();
			ConnectionString uri = connection != null ? connection.getConnectionString() : null;
			if (uri == null || uri.getWriteConcern() == null) {
				builder.writeConcern(DURABLE);
			}
		};
	}
}
