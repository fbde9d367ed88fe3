package com.rapport.customer.timeline;

import com.rapport.customer.MongoConfiguration;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Against the embedded MongoDB-wire server that {@code ./platform up} uses by default. */
@DataMongoTest
@Import(MongoConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class InteractionRepositoryMongoTests extends InteractionRepositoryContract {
}
