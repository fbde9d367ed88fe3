package com.rapport.support.audit;

import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The audit trail's query plans on the embedded store. */
class AuditTrailQueryPlanMongoTests extends AuditTrailQueryPlanContract {

	@Override
	ApplicationContextRunner store() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class, MongoAutoConfiguration.class,
					DataMongoAutoConfiguration.class))
			.withPropertyValues("spring.application.name=audit-plan-test", "rapport.mongodb.embedded.in-memory=true");
	}
}
