package com.rapport.support.tracing;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.observability.ContextProviderFactory;
import org.springframework.data.mongodb.observability.MongoObservationCommandListener;
import org.springframework.grpc.server.GlobalServerInterceptor;

/**
 * What Spring Boot's tracing (Micrometer Tracing on OpenTelemetry, {@code rapport-defaults.yml}) does not do by
 * itself: MongoDB commands as spans of the request that sends them, and the request log
 * ({@code rapport.request-log.enabled}, default true) of HTTP requests and gRPC calls.
 */
@AutoConfiguration
public class TracingAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ MongoObservationCommandListener.class, MongoClientSettingsBuilderCustomizer.class })
	static class MongoTracing {

		@Bean
		MongoClientSettingsBuilderCustomizer rapportMongoObservation(ObservationRegistry observations) {
			return settings -> settings.contextProvider(ContextProviderFactory.create(observations))
				.addCommandListener(new MongoObservationCommandListener(observations));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "rapport.request-log.enabled", matchIfMissing = true)
	static class RequestLog {

		@Bean
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		FilterRegistrationBean<RequestLogFilter> rapportRequestLog() {
			FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter());
			// Inside the request's observation (Ordered.HIGHEST_PRECEDENCE + 1), which puts its trace id in the MDC.
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
			return registration;
		}

		@Bean
		@GlobalServerInterceptor
		@Order(Ordered.LOWEST_PRECEDENCE)
		@ConditionalOnClass(GlobalServerInterceptor.class)
		@ConditionalOnProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
		GrpcRequestLogInterceptor rapportGrpcRequestLog() {
			return new GrpcRequestLogInterceptor();
		}
	}
}
