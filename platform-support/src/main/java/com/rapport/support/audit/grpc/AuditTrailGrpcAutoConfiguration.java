package com.rapport.support.audit.grpc;

import com.rapport.support.audit.AuditTrailAutoConfiguration;
import com.rapport.support.audit.MongoAuditTrail;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.grpc.server.GlobalServerInterceptor;

/**
 * The client address along gRPC calls, in every module (portal-web forwards its browsers' addresses, the
 * services read them), and the {@code rapport.audit.v1.AuditTrail} service wherever there is a trail.
 */
@AutoConfiguration(after = AuditTrailAutoConfiguration.class)
public class AuditTrailGrpcAutoConfiguration {

	@Bean
	@GlobalServerInterceptor
	@ConditionalOnProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
	ClientAddressServerInterceptor rapportClientAddressServerInterceptor() {
		return new ClientAddressServerInterceptor();
	}

	@Bean
	@GlobalClientInterceptor
	ClientAddressClientInterceptor rapportClientAddressClientInterceptor() {
		return new ClientAddressClientInterceptor();
	}

	/** Apart, so that a module without MongoDB on its class path never loads the trail's classes. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.mongodb.core.MongoTemplate")
	@ConditionalOnProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
	static class TrailService {

		@Bean
		@ConditionalOnBean(MongoAuditTrail.class)
		AuditTrailGrpcService auditTrailGrpcService(MongoAuditTrail trail) {
			return new AuditTrailGrpcService(trail);
		}
	}
}
