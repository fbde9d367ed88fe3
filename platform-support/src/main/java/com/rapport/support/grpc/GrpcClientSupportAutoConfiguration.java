package com.rapport.support.grpc;

import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Outgoing-call plumbing: the service's own token, call credentials, and the guarded call helper. */
@AutoConfiguration(afterName = {
		"io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
		"io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration" })
@EnableConfigurationProperties(ServiceTokenProperties.class)
public class GrpcClientSupportAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("rapport.service-client.client-id")
	ServiceTokenProvider serviceTokenProvider(ServiceTokenProperties properties) {
		var requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setConnectTimeout(Duration.ofSeconds(2));
		requestFactory.setReadTimeout(Duration.ofSeconds(5));
		return new ServiceTokenProvider(properties, RestClient.builder().requestFactory(requestFactory), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	CallTokens callTokens(org.springframework.beans.factory.ObjectProvider<ServiceTokenProvider> serviceTokens) {
		return new CallTokens(serviceTokens.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	RemoteCalls remoteCalls(org.springframework.beans.factory.ObjectProvider<CircuitBreakerRegistry> circuitBreakers,
			org.springframework.beans.factory.ObjectProvider<RetryRegistry> retries) {
		return new RemoteCalls(circuitBreakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults),
				retries.getIfAvailable(RetryRegistry::ofDefaults));
	}
}
