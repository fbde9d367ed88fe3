package com.rapport.support.grpc;

import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Every gRPC call but the standard health check must carry a valid Keycloak JWT in its
 * {@code authorization} metadata; otherwise it ends with UNAUTHENTICATED before reaching the service. A
 * token with none of the platform's roles (a partner's) ends with PERMISSION_DENIED.
 * The caller is then in the security context, so {@code Caller.current()} works as on REST.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		beforeName = "org.springframework.boot.grpc.server.autoconfigure.security.OAuth2ResourceServerAutoConfiguration")
@ConditionalOnClass(GrpcSecurity.class)
@ConditionalOnProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
public class GrpcSecurityAutoConfiguration {

	@Bean
	@GlobalServerInterceptor
	@ConditionalOnBean(JwtDecoder.class)
	AuthenticationProcessInterceptor rapportGrpcSecurityInterceptor(GrpcSecurity grpc, JwtDecoder jwtDecoder)
			throws Exception {
		return grpc
			.authorizeRequests(requests -> requests.methods("grpc.health.v1.Health/*").permitAll()
				.methods("grpc.reflection.v1.ServerReflection/*").permitAll()
				// People (through portal-web) and services; partner systems use the REST API only.
				.allRequests().hasAnyAuthority("ROLE_" + Caller.CUSTOMER, "ROLE_" + Caller.AGENT,
						"ROLE_" + Caller.MANAGER, "ROLE_" + Caller.ADMIN, "ROLE_" + Caller.INTERNAL))
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.decoder(jwtDecoder)
				.jwtAuthenticationConverter(new KeycloakJwtAuthenticationConverter())))
			.build();
	}

	@Bean
	GrpcExceptionHandler rapportGrpcExceptionHandler(org.springframework.context.MessageSource messages) {
		return new DomainGrpcExceptionHandler(messages);
	}
}
