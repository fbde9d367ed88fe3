package com.rapport.support.openapi;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service says about its partner API in its document ({@code rapport.openapi.*}).
 *
 * @param title       the document's title
 * @param description what the API is for, in a sentence or two
 * @param version     the API's version
 * @param serverUrl   where partners call it: the gateway
 * @param tokenUrl    Keycloak's token endpoint, where a partner fetches its client-credentials token
 * @param scopes      each scope the API's operations ask for, with what it grants
 */
@ConfigurationProperties("rapport.openapi")
public record PartnerApiProperties(String title, String description, @DefaultValue("v1") String version,
		@DefaultValue("http://localhost:8080") String serverUrl,
		@DefaultValue("http://localhost:8180/realms/rapport/protocol/openid-connect/token") String tokenUrl,
		Map<String, String> scopes) {

	public PartnerApiProperties {
		scopes = scopes == null ? Map.of() : Map.copyOf(scopes);
	}
}
