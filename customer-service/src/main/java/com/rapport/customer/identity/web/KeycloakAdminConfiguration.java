package com.rapport.customer.identity.web;

import com.rapport.customer.identity.IdentityProperties;
import com.rapport.customer.identity.KeycloakAdmin;
import com.rapport.support.grpc.RemoteCalls;
import com.rapport.support.grpc.ServiceTokenProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keycloak's admin API with the service's own client-credentials token. */
@Configuration(proxyBeanMethods = false)
class KeycloakAdminConfiguration {

	@Bean
	KeycloakAdmin keycloakAdmin(ServiceTokenProvider serviceTokens, RemoteCalls calls, IdentityProperties properties) {
		return KeycloakAdminClient.create(serviceTokens::token, calls, properties);
	}
}
