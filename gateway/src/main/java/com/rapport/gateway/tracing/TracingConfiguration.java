package com.rapport.gateway.tracing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request log ({@link RequestLogFilter}). */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "rapport.request-log.enabled", matchIfMissing = true)
	RequestLogFilter requestLogFilter() {
		return new RequestLogFilter();
	}
}
