package com.rapport.ordertracking.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live feed's settings ({@code rapport.live.*}).
 *
 * @param feedInterval       how often waiting changes are moved from the orders into the feed
 * @param pollInterval       how often each replica looks for new feed events for its followers
 * @param heartbeat          how often a follower with nothing new hears that the stream is alive
 * @param retention          how long an event stays in the feed (how far back a follower can resume)
 * @param replayLimit        the most events replayed to a follower that resumes; more is a reset
 * @param maxStreamsPerCaller how many streams one login may hold open on one replica at once
 */
@ConfigurationProperties("rapport.live")
public record LiveProperties(@DefaultValue("true") boolean enabled, @DefaultValue("250ms") Duration feedInterval,
		@DefaultValue("200ms") Duration pollInterval, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("24h") Duration retention, @DefaultValue("500") int replayLimit,
		@DefaultValue("10") int maxStreamsPerCaller) {
}
