package com.rapport.customer;

import com.rapport.support.test.QueryPlans;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Import;

/** The query plans on a real MongoDB; skipped where no Docker engine runs. */
@DataMongoTest
@Import({ MongoConfiguration.class, QueryPlans.class })
@Testcontainers(disabledWithoutDocker = true)
class CustomerQueryPlanContainerTests extends CustomerQueryPlanContract {

	@Container
	@ServiceConnection
	static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
}
