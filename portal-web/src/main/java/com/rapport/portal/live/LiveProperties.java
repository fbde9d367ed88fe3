package com.rapport.portal.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live pages' settings ({@code rapport.live.*}).
 *
 * @param maxStreamsPerContact how many live connections (tabs) one contact may hold open on this replica
 * @param maxLifetime          how long one connection lasts at most; never past its token's expiry (the browser
 *                             reconnects at once, through the gateway, with a fresh token and its Last-Event-ID)
 * @param minLifetime          how long a connection lasts at least, even with a token about to expire
 * @param heartbeat            how often a comment line keeps a quiet connection open (and finds a closed tab)
 * @param reconnect            how long a browser waits before reconnecting (the SSE {@code retry} field)
 */
@ConfigurationProperties("rapport.live")
record LiveProperties(@DefaultValue("5") int maxStreamsPerContact, @DefaultValue("10m") Duration maxLifetime,
		@DefaultValue("30s") Duration minLifetime, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("2s") Duration reconnect) {
}
