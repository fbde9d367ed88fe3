package com.rapport.ordertracking.notification;

import com.rapport.ordertracking.MongoAuditingConfiguration;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.QueryPlans;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The notification log's query plans on a real MongoDB; skipped where no Docker engine runs. */
@DataMongoTest
@Import({ MongoAuditingConfiguration.class, QueryPlans.class, FixedClock.class, NotificationLog.class })
@Testcontainers(disabledWithoutDocker = true)
@TestPropertySource(properties = "spring.data.mongodb.auto-index-creation=true")
class NotificationLogQueryPlanContainerTests extends NotificationLogQueryPlanContract {

	@Container
	@ServiceConnection
	static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
}
