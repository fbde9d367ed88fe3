package com.rapport.support.security;

import com.rapport.support.web.ProblemAuthenticationHandlers;
import com.rapport.support.web.ProblemDetailsAdvice;
import com.rapport.support.web.ProblemErrorController;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.http.HttpMethod;

/**
 * A service's REST side is a stateless OAuth2 resource server: health probes are open, everything else
 * needs a valid Keycloak JWT (issuer, signature, expiry and the {@code rapport-api} audience are checked
 * by the decoder configured from {@code spring.security.oauth2.resourceserver.jwt.*}). What the caller
 * may do is decided by the service itself.
 */
@AutoConfiguration(before = { ErrorMvcAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
		OAuth2ResourceServerAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableMethodSecurity
@Import(ProblemDetailsAdvice.class)
public class ResourceServerSecurityAutoConfiguration {

	/**
	 * Every error of the container as a problem document. An application with pages of its own for people
	 * (portal-web) sets {@code rapport.errors.problem-documents=false} and renders its own.
	 */
	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	@ConditionalOnProperty(prefix = "rapport.errors", name = "problem-documents", havingValue = "true",
			matchIfMissing = true)
	ProblemErrorController problemErrorController(MessageSource messages) {
		return new ProblemErrorController(messages);
	}

	/**
	 * Every JWT decoder of the service (the REST side's and the gRPC side's are the same bean) keeps the tokens it
	 * verified until they expire ({@link VerifiedTokens}).
	 */
	@Bean
	static BeanPostProcessor verifiedTokens() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)
						? new VerifiedTokens(decoder) : bean;
			}
		};
	}

	/** Checks {@code @PreAuthorize} before the body is read or validated: no right, no look at the content. */
	@Bean
	WebMvcConfigurer preAuthorizeFirst(ObjectProvider<MethodSecurityExpressionHandler> expressionHandler) {
		PreAuthorizeFirstInterceptor interceptor = new PreAuthorizeFirstInterceptor(expressionHandler.getIfAvailable());
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor);
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain resourceServerFilterChain(HttpSecurity http, MessageSource messages,
			@Value("${rapport.security.public-paths:}") String[] publicPaths,
			@Value("${springdoc.api-docs.path:}") String openApiDocument) throws Exception {
		// Pages whose own credential is in the address (portal-web's survey links) need no token.
		String[] open = java.util.stream.Stream.concat(java.util.stream.Stream.of("/error"),
				java.util.Arrays.stream(publicPaths).filter(p -> !p.isBlank())).toArray(String[]::new);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus")
			.permitAll()
			.requestMatchers(open).permitAll()
			// The partner API's OpenAPI document (JSON and YAML) is public: the gateway serves it without a token.
			.requestMatchers(openApiDocuments(openApiDocument)).permitAll()
			.anyRequest().authenticated())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens only, no cookies: there is no session for a forged request to ride on.
			.csrf(csrf -> csrf.disable())
			.oauth2ResourceServer(oauth2 -> oauth2
				.jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakJwtAuthenticationConverter()))
				.authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint(messages))
				.accessDeniedHandler(ProblemAuthenticationHandlers.accessDeniedHandler(messages)))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint(messages))
				.accessDeniedHandler(ProblemAuthenticationHandlers.accessDeniedHandler(messages)));
		return http.build();
	}

	private static RequestMatcher openApiDocuments(String path) {
		if (path.isBlank()) {
			return request -> false;
		}
		return new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path),
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path + ".yaml"));
	}
}
