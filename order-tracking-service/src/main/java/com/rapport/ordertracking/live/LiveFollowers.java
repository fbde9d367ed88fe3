package com.rapport.ordertracking.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;

/**
 * The streams open on this replica, fed from the store: every {@code rapport.live.poll-interval} (while any is open)
 * one read of the events after the last one seen, handed to the followers of their organisations; then each
 * follower's heartbeat and end. The feed's mover ({@link LiveFeed}) runs on the same thread, apart from the
 * scheduler the notifications and webhooks share, so a slow webhook receiver never holds a live page up.
 * Nothing here is needed by another replica: each serves its own streams from the shared store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveProperties.class)
public class LiveFollowers implements SmartLifecycle {

	/** Refused: the login already holds as many streams on this replica as it may. */
	public static final class TooManyStreams extends RuntimeException {

		TooManyStreams(int max) {
			super("At most " + max + " live streams per login");
		}
	}

	private static final Logger log = LoggerFactory.getLogger(LiveFollowers.class);

	private static final int BATCH = 500;

	private final LiveEvents events;

	private final LiveFeed feed;

	private final LiveProperties properties;

	private final Clock clock;

	private final Set<Follower> followers = ConcurrentHashMap.newKeySet();

	private long cursor = -1;

	private volatile ScheduledExecutorService executor;

	LiveFollowers(LiveEvents events, LiveFeed feed, LiveProperties properties, Clock clock) {
		this.events = events;
		this.feed = feed;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Opens a stream of the organisation's events: registered first, then what it missed is replayed (after
	 * {@code after}, or recorded since {@code since}, or nothing), so no event falls between the two.
	 */
	public Follower follow(String login, String customerId, long after, Instant since, Duration lifetime,
			Follower.Sink sink) {
		Instant now = clock.instant();
		Follower follower = new Follower(login, customerId, after, sink, now, lifetime, properties.heartbeat());
		synchronized (this) {
			long open = followers.stream().filter(f -> f.login().equals(login)).count();
			if (open >= properties.maxStreamsPerCaller()) {
				throw new TooManyStreams(properties.maxStreamsPerCaller());
			}
			long newest = events.newestPosition();
			if (cursor < 0) {
				cursor = newest;
			}
			follower.registeredAt(newest);
			followers.add(follower);
		}
		int limit = properties.replayLimit();
		List<LiveEvent> missed = after > 0 ? events.after(customerId, after, limit + 1)
				: since != null ? events.since(customerId, since, limit + 1) : List.of();
		if (missed.size() > limit) {
			follower.reset(events.newestPosition(), now);
		}
		else {
			follower.replayed(missed, now);
		}
		return follower;
	}

	/** The stream is gone (cancelled by its caller, or failed): nothing more is sent to it. */
	public void unfollow(Follower follower) {
		follower.close();
		followers.remove(follower);
	}

	/** How many streams are open on this replica. */
	public int open() {
		return followers.size();
	}

	/** One poll: new events to their followers, then heartbeats and ends. Tests call it directly. */
	public void poll() {
		long from;
		synchronized (this) {
			if (followers.isEmpty()) {
				cursor = -1;
				return;
			}
			from = cursor;
		}
		Instant now = clock.instant();
		List<LiveEvent> batch;
		do {
			batch = events.after(from, BATCH);
			if (!batch.isEmpty()) {
				List<LiveEvent> each = batch;
				followers.forEach(follower -> follower.offer(each, now));
				from = batch.get(batch.size() - 1).position();
			}
		}
		while (batch.size() == BATCH);
		synchronized (this) {
			cursor = Math.max(cursor, from);
		}
		followers.removeIf(follower -> !follower.tick(now));
	}

	@Override
	public void start() {
		if (!properties.enabled()) {
			return;
		}
		ScheduledExecutorService made = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "live-feed");
			thread.setDaemon(true);
			return thread;
		});
		made.scheduleWithFixedDelay(() -> quietly("move", feed::round), 5000,
				properties.feedInterval().toMillis(), TimeUnit.MILLISECONDS);
		made.scheduleWithFixedDelay(() -> quietly("poll", this::poll), 1000,
				properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
		executor = made;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = executor;
		executor = null;
		if (running != null) {
			running.shutdownNow();
		}
		followers.forEach(Follower::close);
		followers.clear();
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

	private static void quietly(String what, Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			// The next round tries again; a store hiccup must not end the schedule.
			log.warn("Live feed {} failed: {}", what, ex.toString());
		}
	}
}
