package com.rapport.gateway.tracing;

import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request log ({@link RequestLogFilter}) and the trace passed on to the modules ({@link TraceHeadersFilter}). */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "rapport.request-log.enabled", matchIfMissing = true)
	RequestLogFilter requestLogFilter() {
		return new RequestLogFilter();
	}

	@Bean
	TraceHeadersFilter traceHeadersFilter(ObjectProvider<Propagator> propagator) {
		return new TraceHeadersFilter(propagator.getIfAvailable(() -> Propagator.NOOP));
	}
}
