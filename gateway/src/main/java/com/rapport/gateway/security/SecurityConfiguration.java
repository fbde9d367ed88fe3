package com.rapport.gateway.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import reactor.core.publisher.Mono;

import com.rapport.gateway.error.ErrorResponses;

import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

/**
 * Two doors. {@code /api/**} is for partner systems: a bearer JWT on every request, no session, no
 * cookies. Everything else is for people's browsers: Keycloak login (authorization code with PKCE), a
 * session cookie in the browser and the tokens kept here, CSRF protection on every state-changing
 * request, and logout that ends the Keycloak session too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class SecurityConfiguration {

	/**
	 * The partner APIs' OpenAPI documents and their reference page are for anyone to read, without a token or a
	 * session (GET only); the page gets the site's Content-Security-Policy like every other page.
	 */
	@Bean
	@Order(0)
	SecurityWebFilterChain publicApiDocuments(ServerHttpSecurity http,
			@Value("${spring.security.oauth2.client.provider.keycloak.issuer-uri}") String issuer) {
		return http
			.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/*/v1/openapi.json",
					"/api/*/v1/openapi.yaml", "/api/docs", "/api/docs/**"))
			.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(issuer)))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.build();
	}

	/**
	 * No observation of Spring Security's own filters, authentications and authorizations: each request made several
	 * (a span and timers per filter chain phase), a large share of the gateway's processor time per request in the
	 * benchmark harness's {@code gateway} scenario, and they tell nothing the request's own span and log line do not.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * A partner token's times checked with the allowance {@code rapport.security.token-clock-skew} for clocks that
	 * disagree (60 s, as Spring Security's default): Boot adds this validator to the partner API's JWT decoder.
	 */
	@Bean
	OAuth2TokenValidator<Jwt> tokenTimes(@Value("${rapport.security.token-clock-skew:60s}") Duration clockSkew) {
		return new JwtTimestampValidator(clockSkew);
	}

	/** The partner API's JWT decoder keeps the tokens it verified until they expire ({@link VerifiedTokens}). */
	@Bean
	static BeanPostProcessor verifiedTokens() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedTokens)
						? new VerifiedTokens(decoder) : bean;
			}
		};
	}

	@Bean
	@Order(1)
	SecurityWebFilterChain partnerApi(ServerHttpSecurity http) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
			.authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
			.oauth2ResourceServer(oauth2 -> oauth2.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problemEntryPoint())
				.accessDeniedHandler(problemAccessDenied()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain browsers(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
			@Value("${spring.security.oauth2.client.provider.keycloak.issuer-uri}") String issuer) {
		return http
			.authorizeExchange(exchanges -> exchanges
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				// A survey link from an invitation mail: its signed token is the credential (feedback-service checks
				// it); the comment form still needs the CSRF token below.
				.pathMatchers("/survey/**").permitAll()
				// The knowledge base's published articles: anyone reads them (portal-web asks ticket-service as itself);
				// "was this helpful" still needs the CSRF token below.
				.pathMatchers(HttpMethod.GET, "/kb", "/kb/**").permitAll()
				.pathMatchers(HttpMethod.POST, "/kb/*/helpful").permitAll()
				.anyExchange().authenticated())
			.oauth2Login(login -> login.authorizationRequestResolver(pkce(registrations)))
			// One identity provider: go straight to Keycloak's login page instead of a chooser.
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/keycloak")))
			.logout(logout -> logout.logoutSuccessHandler(keycloakLogout(registrations)))
			// The portal renders the token from this cookie into its forms (it reaches portal-web with the
			// request), so the cookie can stay HttpOnly and no script needs to read it.
			.csrf(csrf -> csrf.csrfTokenRepository(new CookieServerCsrfTokenRepository())
				.csrfTokenRequestHandler(new MultipartCsrfTokenHandler()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(issuer)))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.build();
	}

	/**
	 * Pages load only their own scripts, styles and images (no inline script anywhere), cannot be framed,
	 * and their forms post only here or, for the logout that ends the Keycloak session, to Keycloak.
	 * (HSTS, nosniff and X-Frame-Options come with Spring Security's defaults; HSTS only over TLS.)
	 */
	static String contentSecurityPolicy(String issuer) {
		String keycloak = URI.create(issuer).resolve("/").toString().replaceAll("/$", "");
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
				+ "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self' "
				+ keycloak;
	}

	@Bean
	ReactiveClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties) {
		return new LazyClientRegistrationRepository(
				() -> new OAuth2ClientPropertiesMapper(properties).asClientRegistrations());
	}

	/**
	 * The user's tokens live in the session (stored in MongoDB), not in this process's memory: any replica
	 * can relay and refresh them, and a restart signs nobody out.
	 */
	@Bean
	ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new WebSessionServerOAuth2AuthorizedClientRepository();
	}

	@Bean
	FormBodyReplayFilter formBodyReplayFilter() {
		return new FormBodyReplayFilter();
	}

	/**
	 * Issues the CSRF cookie on every page, so the first form a user sees already carries a token. A browser's very
	 * first request (a survey link opened from a mail) has no cookie yet: the token issued with this answer is handed
	 * on to portal-web as the cookie it reads, so that the page's form carries the token the browser will send back.
	 */
	@Bean
	WebFilter csrfCookieFilter() {
		return (exchange, chain) -> {
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			if (token == null) {
				return chain.filter(exchange);
			}
			return token.map(issued -> exchange.getRequest().getCookies().containsKey(CSRF_COOKIE) ? exchange
					: exchange.mutate().request(exchange.getRequest().mutate()
						.headers(headers -> withCookie(headers, CSRF_COOKIE + "=" + issued.getToken())).build()).build())
				.defaultIfEmpty(exchange)
				.flatMap(chain::filter);
		};
	}

	/** The cookie {@link CookieServerCsrfTokenRepository} keeps the token in, which portal-web reads. */
	private static final String CSRF_COOKIE = "XSRF-TOKEN";

	private static void withCookie(HttpHeaders headers, String cookie) {
		String present = headers.getFirst(HttpHeaders.COOKIE);
		headers.set(HttpHeaders.COOKIE, present == null ? cookie : present + "; " + cookie);
	}

	private static ServerOAuth2AuthorizationRequestResolver pkce(ReactiveClientRegistrationRepository registrations) {
		var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		return resolver;
	}

	private static OidcClientInitiatedServerLogoutSuccessHandler keycloakLogout(
			ReactiveClientRegistrationRepository registrations) {
		var handler = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
		handler.setPostLogoutRedirectUri("{baseUrl}/");
		handler.setLogoutSuccessUrl(URI.create("/"));
		return handler;
	}

	/**
	 * 401 as RFC 6750 and RFC 9457 say: a token that was sent but refused is {@code invalid_token}, and an
	 * expired one says so, so that a partner knows to fetch a new token rather than to call support.
	 */
	static ServerAuthenticationEntryPoint problemEntryPoint() {
		return (exchange, ex) -> {
			String reason = "gateway.token-required";
			String challenge = "Bearer";
			if (ex instanceof OAuth2AuthenticationException oauth && oauth.getError() != null
					&& "invalid_token".equals(oauth.getError().getErrorCode())) {
				boolean expired = String.valueOf(oauth.getError().getDescription()).contains("expired");
				reason = expired ? "gateway.token-expired" : "gateway.token-invalid";
				challenge = "Bearer error=\"invalid_token\", error_description=\""
						+ (expired ? "The access token expired" : "The access token is invalid") + "\"";
			}
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
			return ErrorResponses.writeProblem(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", reason);
		};
	}

	private static ServerAccessDeniedHandler problemAccessDenied() {
		return (exchange, ex) -> ErrorResponses.writeProblem(exchange, HttpStatus.FORBIDDEN, "forbidden",
				"gateway.token-forbidden");
	}
}
