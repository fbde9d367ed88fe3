package com.rapport.support.security;

import com.rapport.support.web.ProblemAuthenticationHandlers;
import com.rapport.support.web.ProblemDetailsAdvice;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A service's REST side is a stateless OAuth2 resource server: health probes are open, everything else
 * needs a valid Keycloak JWT (issuer, signature, expiry and the {@code rapport-api} audience are checked
 * by the decoder configured from {@code spring.security.oauth2.resourceserver.jwt.*}). What the caller
 * may do is decided by the service itself.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
		OAuth2ResourceServerAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableMethodSecurity
@Import(ProblemDetailsAdvice.class)
public class ResourceServerSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain resourceServerFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus")
			.permitAll()
			.requestMatchers("/error").permitAll()
			.anyRequest().authenticated())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens only, no cookies: there is no session for a forged request to ride on.
			.csrf(csrf -> csrf.disable())
			.oauth2ResourceServer(oauth2 -> oauth2
				.jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakJwtAuthenticationConverter()))
				.authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint())
				.accessDeniedHandler(ProblemAuthenticationHandlers.accessDeniedHandler()))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint())
				.accessDeniedHandler(ProblemAuthenticationHandlers.accessDeniedHandler()));
		return http.build();
	}
}
