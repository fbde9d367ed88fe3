package com.rapport.support.audit;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every service that keeps data keeps its audit trail in its own database. A module without MongoDB
 * (portal-web) has no trail: it changes nothing itself, the services it calls record the changes.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
public class AuditTrailAutoConfiguration {

	@Bean
	@ConditionalOnBean(MongoTemplate.class)
	@ConditionalOnMissingBean(AuditTrail.class)
	MongoAuditTrail auditTrail(MongoTemplate mongo, ObjectProvider<Clock> clock) {
		MongoAuditTrail trail = new MongoAuditTrail(mongo, clock.getIfUnique(Clock::systemUTC));
		trail.createIndexes();
		return trail;
	}
}
