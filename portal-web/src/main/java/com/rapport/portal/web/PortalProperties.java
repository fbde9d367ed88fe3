package com.rapport.portal.web;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param defaultTimeZone the zone times are shown in when the user's token names none */
@ConfigurationProperties("rapport.portal")
public record PortalProperties(ZoneId defaultTimeZone) {

	public PortalProperties {
		defaultTimeZone = defaultTimeZone == null ? ZoneId.of("UTC") : defaultTimeZone;
	}
}
