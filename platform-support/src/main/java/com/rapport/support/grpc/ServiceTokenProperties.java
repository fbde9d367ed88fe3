package com.rapport.support.grpc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own Keycloak client, used for gRPC calls it makes on its own behalf.
 *
 * @param tokenUri     Keycloak's token endpoint
 * @param clientId     the service's client id (its {@code spring.application.name})
 * @param clientSecret its secret (the repo holds only local demo values)
 * @param refreshSkew  how long before expiry a cached token is renewed
 */
@ConfigurationProperties("rapport.service-client")
public record ServiceTokenProperties(String tokenUri, String clientId, String clientSecret, Duration refreshSkew) {

	public ServiceTokenProperties {
		refreshSkew = refreshSkew == null ? Duration.ofSeconds(30) : refreshSkew;
	}
}
