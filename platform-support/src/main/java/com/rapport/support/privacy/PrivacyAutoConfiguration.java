package com.rapport.support.privacy;

import java.time.Clock;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.audit.AuditTrailAutoConfiguration;
import io.grpc.BindableService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Every service with a gRPC server answers for the personal data its features hold. */
@AutoConfiguration(after = AuditTrailAutoConfiguration.class)
@ConditionalOnClass(BindableService.class)
@ConditionalOnProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
public class PrivacyAutoConfiguration {

	@Bean
	PersonalDataGrpcService personalDataGrpcService(Environment environment,
			ObjectProvider<PersonalDataHolder> holders, ObjectProvider<JsonMapper> json,
			ObjectProvider<Clock> clock, ObjectProvider<AuditTrail> audit) {
		return new PersonalDataGrpcService(environment.getProperty("spring.application.name", "service"),
				holders.orderedStream().toList(), json.getIfAvailable(JsonMapper::new),
				clock.getIfAvailable(Clock::systemUTC), audit.getIfAvailable(() -> event -> {
					throw new IllegalStateException("No audit trail: personal data is only served with one");
				}));
	}
}
