package com.rapport.ordertracking.notification;

import com.rapport.ordertracking.MongoAuditingConfiguration;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.QueryPlans;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The notification log's query plans on the embedded store that {@code ./platform up} uses by default. */
@DataMongoTest
@Import({ MongoAuditingConfiguration.class, QueryPlans.class, FixedClock.class, NotificationLog.class })
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class NotificationLogQueryPlanMongoTests extends NotificationLogQueryPlanContract {
}
