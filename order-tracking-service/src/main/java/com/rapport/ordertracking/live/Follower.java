package com.rapport.ordertracking.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One open stream of one organisation's events. It hears of new events from the moment it is registered, holds them
 * until the replay of what it missed is sent, and then sends each event once, in position order: an event the
 * replay and the poll both found goes out once. All it sends goes through its {@link Sink}, one call at a time.
 */
public final class Follower {

	/** Where a follower's messages go (the gRPC stream). */
	public interface Sink {

		void event(LiveEvent event);

		/** More was missed than is replayed: read afresh, then follow from {@code position}. */
		void reset(long position);

		void heartbeat(long position);

		/** The stream's time is up: it ends normally. */
		void end();
	}

	private final String login;

	private final String customerId;

	private final Sink sink;

	private final Instant until;

	private final Duration heartbeat;

	private final List<LiveEvent> early = new ArrayList<>();

	private long last;

	/** The newest position when it was registered: anything up to it comes from the replay, not from the poll. */
	private long watermark = Long.MAX_VALUE;

	private boolean replayed;

	private boolean closed;

	private Instant lastSent;

	Follower(String login, String customerId, long after, Sink sink, Instant now, Duration lifetime, Duration heartbeat) {
		this.login = login;
		this.customerId = customerId;
		this.last = after;
		this.sink = sink;
		this.until = now.plus(lifetime);
		this.heartbeat = heartbeat;
		this.lastSent = now;
	}

	String login() {
		return login;
	}

	String customerId() {
		return customerId;
	}

	/** Registered when the feed's newest position was {@code position}. */
	synchronized void registeredAt(long position) {
		watermark = position;
	}

	/**
	 * New events of the feed (any organisation's: only its own are sent, and only those recorded after it was
	 * registered; a poll that started earlier may still hold older ones, which the replay decides on).
	 */
	synchronized void offer(List<LiveEvent> events, Instant now) {
		for (LiveEvent event : events) {
			if (closed || !customerId.equals(event.customerId()) || event.position() <= watermark) {
				continue;
			}
			if (!replayed) {
				early.add(event);
			}
			else {
				send(event, now);
			}
		}
	}

	/** What it missed, sent; then what arrived meanwhile, each once; then a heartbeat. */
	synchronized void replayed(List<LiveEvent> missed, Instant now) {
		missed.forEach(event -> send(event, now));
		replayed = true;
		early.forEach(event -> send(event, now));
		early.clear();
		if (!closed) {
			sink.heartbeat(last);
		}
	}

	/** Too much missed: told to start afresh from {@code position}; then what arrived after it. */
	synchronized void reset(long position, Instant now) {
		last = Math.max(last, position);
		if (!closed) {
			sink.reset(last);
		}
		replayed(List.of(), now);
	}

	/** Answers false once the follower is done (its time is up or it was closed). */
	synchronized boolean tick(Instant now) {
		if (closed) {
			return false;
		}
		if (!now.isBefore(until)) {
			closed = true;
			sink.end();
			return false;
		}
		if (replayed && !now.isBefore(lastSent.plus(heartbeat))) {
			lastSent = now;
			sink.heartbeat(last);
		}
		return true;
	}

	synchronized void close() {
		closed = true;
		early.clear();
	}

	synchronized boolean closed() {
		return closed;
	}

	private void send(LiveEvent event, Instant now) {
		if (closed || event.position() <= last) {
			return;
		}
		last = event.position();
		lastSent = now;
		sink.event(event);
	}
}
