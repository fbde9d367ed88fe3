package com.rapport.ticket.ticket;

import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.ticket.MongoAuditingConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Against the embedded MongoDB-wire server that {@code ./platform up} uses by default. */
@DataMongoTest
@Import(MongoAuditingConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class TicketRepositoryMongoTests extends TicketRepositoryContract {
}
