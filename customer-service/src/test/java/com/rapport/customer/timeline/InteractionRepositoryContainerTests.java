package com.rapport.customer.timeline;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import com.rapport.customer.MongoConfiguration;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Import;

/** The same contract against a real MongoDB; skipped where no Docker engine runs. */
@DataMongoTest
@Import(MongoConfiguration.class)
@Testcontainers(disabledWithoutDocker = true)
class InteractionRepositoryContainerTests extends InteractionRepositoryContract {

	@Container
	@ServiceConnection
	static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
}
