package com.rapport.support.audit;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The audit trail's query plans on a real MongoDB; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class AuditTrailQueryPlanContainerTests extends AuditTrailQueryPlanContract {

	@Container
	static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	@Override
	ApplicationContextRunner store() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, DataMongoAutoConfiguration.class))
			.withPropertyValues("spring.application.name=audit-plan-test",
					"spring.mongodb.uri=" + mongo.getReplicaSetUrl("audit-plan-test"));
	}
}
