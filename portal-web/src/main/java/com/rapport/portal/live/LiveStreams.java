package com.rapport.portal.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.CountMyUnreadRequest;
import com.rapport.contracts.ordertracking.v1.FollowRequest;
import com.rapport.contracts.ordertracking.v1.FollowResponse;
import com.rapport.contracts.ordertracking.v1.NotificationInboxServiceGrpc.NotificationInboxServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.OrderEventsServiceGrpc.OrderEventsServiceStub;
import com.rapport.contracts.ordertracking.v1.OrderLiveEvent;
import com.rapport.support.grpc.CallTokens;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live connections of this replica, each one gRPC stream of order-tracking-service's live feed relayed
 * as server-sent events: {@code order} events with the feed's position as their id (the browser sends it back as
 * {@code Last-Event-ID} when it reconnects, and the stream replays what came after it), {@code unread} with the
 * contact's unread count when it changes, {@code reset} when more was missed than can be replayed, and a comment
 * line every {@code rapport.live.heartbeat}, which keeps the connection open through proxies and finds a closed tab
 * (its write fails). However a connection ends (closed tab, time up, the service gone), its stream is cancelled and
 * its place freed. A contact holds at most {@code rapport.live.max-streams-per-contact} at once: a new connection
 * beyond them ends the contact's oldest, which is most likely a page left already (a left page's connection is
 * noticed only when a write to it fails, up to two heartbeats later); if that page is still open, its browser
 * reconnects with its Last-Event-ID and loses nothing. So the page a person has just opened always updates.
 */
@Component
class LiveStreams implements DisposableBean {

	/** Who follows, with the token the stream is opened with. */
	record Viewer(String login, String customerId, String token, Instant tokenExpiresAt) {
	}

	private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

	/** After an order event, the inbox is counted again once the notifications are made (about a second later). */
	private static final Duration RECOUNT_AFTER_EVENT = Duration.ofSeconds(2);

	private static final long COUNT_DEADLINE_MS = 400;

	private final OrderEventsServiceStub events;

	private final NotificationInboxServiceBlockingStub inbox;

	private final LiveProperties properties;

	private final Clock clock;

	/** Each contact's open connections, oldest first; guarded by itself. */
	private final Map<String, Deque<Connection>> open = new HashMap<>();

	private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "live-ticks");
		thread.setDaemon(true);
		return thread;
	});

	LiveStreams(OrderEventsServiceStub events, NotificationInboxServiceBlockingStub inbox, LiveProperties properties,
			java.util.Optional<Clock> clock) {
		this.events = events;
		this.inbox = inbox;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** How many connections are open on this replica (all contacts). */
	int open() {
		synchronized (open) {
			return open.values().stream().mapToInt(Deque::size).sum();
		}
	}

	/**
	 * Opens a connection for the viewer: resuming after {@code lastEventId} when the browser sent one, else with
	 * what was recorded since {@code since} (when its page was made), else from now.
	 */
	SseEmitter open(Viewer viewer, long lastEventId, Instant since) {
		Duration lifetime = lifetime(viewer);
		SseEmitter emitter = new SseEmitter(lifetime.plusSeconds(30).toMillis());
		Connection connection = new Connection(viewer, emitter);
		emitter.onCompletion(connection::close);
		emitter.onTimeout(connection::close);
		emitter.onError(error -> connection.close());
		Connection oldest = null;
		synchronized (open) {
			Deque<Connection> mine = open.computeIfAbsent(viewer.login(), login -> new ArrayDeque<>());
			mine.addLast(connection);
			if (mine.size() > properties.maxStreamsPerContact()) {
				oldest = mine.pollFirst();
			}
		}
		if (oldest != null) {
			log.debug("Live connection limit of {} reached: the oldest ends", viewer.login());
			oldest.complete();
		}
		connection.start(lastEventId, since, lifetime);
		return emitter;
	}

	/** Until the token expires (the gateway then relays a fresh one), within the configured bounds. */
	Duration lifetime(Viewer viewer) {
		Duration left = viewer.tokenExpiresAt() == null ? properties.maxLifetime()
				: Duration.between(clock.instant(), viewer.tokenExpiresAt());
		if (left.compareTo(properties.minLifetime()) < 0) {
			return properties.minLifetime();
		}
		return left.compareTo(properties.maxLifetime()) > 0 ? properties.maxLifetime() : left;
	}

	private void release(Connection connection) {
		synchronized (open) {
			Deque<Connection> mine = open.get(connection.viewer.login());
			if (mine != null && mine.remove(connection) && mine.isEmpty()) {
				open.remove(connection.viewer.login());
			}
		}
	}

	@Override
	public void destroy() {
		ticks.shutdownNow();
	}

	/** One browser connection and its stream. Writes to the emitter one at a time. */
	private final class Connection implements ClientResponseObserver<FollowRequest, FollowResponse> {

		private final Viewer viewer;

		private final SseEmitter emitter;

		private volatile ClientCallStreamObserver<FollowRequest> call;

		private volatile ScheduledFuture<?> heartbeat;

		private volatile ScheduledFuture<?> recount;

		private long unread = -1;

		private boolean closed;

		Connection(Viewer viewer, SseEmitter emitter) {
			this.viewer = viewer;
			this.emitter = emitter;
		}

		void start(long lastEventId, Instant since, Duration lifetime) {
			send(SseEmitter.event().reconnectTime(properties.reconnect().toMillis()).comment("live"));
			FollowRequest.Builder request = FollowRequest.newBuilder().setCustomerId(viewer.customerId())
				.setAfterPosition(Math.max(lastEventId, 0)).setMaxSeconds((int) lifetime.toSeconds());
			if (lastEventId <= 0 && since != null) {
				request.setSince(Timestamp.newBuilder().setSeconds(since.getEpochSecond()).setNanos(since.getNano()));
			}
			// The heartbeat first: whatever ends the stream, even at once, then finds it to cancel.
			long every = properties.heartbeat().toMillis();
			heartbeat = ticks.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
			events.withCallCredentials(CallTokens.bearer(viewer.token()))
				.withDeadlineAfter(lifetime.plusSeconds(15).toMillis(), TimeUnit.MILLISECONDS)
				.follow(request.build(), this);
			ticks.execute(this::countUnread);
		}

		@Override
		public void beforeStart(ClientCallStreamObserver<FollowRequest> requestStream) {
			this.call = requestStream;
		}

		@Override
		public void onNext(FollowResponse message) {
			switch (message.getItemCase()) {
				case EVENT -> {
					OrderLiveEvent event = message.getEvent();
					send(SseEmitter.event().id(String.valueOf(event.getPosition())).name("order")
						.data(Map.of("orderId", event.getOrderId(), "orderNumber", event.getOrderNumber(), "kind",
								event.getKind(), "code", event.getFactsOrDefault("code", "")),
								MediaType.APPLICATION_JSON));
					scheduleRecount();
				}
				case RESET -> send(SseEmitter.event().id(String.valueOf(message.getReset().getPosition())).name("reset")
					.data("{}", MediaType.APPLICATION_JSON));
				default -> {
					// A heartbeat of the stream: this connection sends its own.
				}
			}
		}

		@Override
		public void onError(Throwable error) {
			// The service gone, its deadline passed, or refused: the browser reconnects after the retry time.
			log.debug("Live stream of {} ended: {}", viewer.login(), error.toString());
			complete();
		}

		@Override
		public void onCompleted() {
			// Its time is up: the browser reconnects with its Last-Event-ID and a fresh token.
			complete();
		}

		private void tick() {
			send(SseEmitter.event().comment("heartbeat"));
			countUnread();
		}

		private void scheduleRecount() {
			ScheduledFuture<?> waiting = recount;
			if (waiting == null || waiting.isDone()) {
				recount = ticks.schedule(this::countUnread, RECOUNT_AFTER_EVENT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}

		/** The inbox's unread count, sent when it changed; a count that cannot be had now waits for the next. */
		private void countUnread() {
			if (isClosed()) {
				return;
			}
			long now;
			try {
				now = inbox.withCallCredentials(CallTokens.bearer(viewer.token()))
					.withDeadlineAfter(COUNT_DEADLINE_MS, TimeUnit.MILLISECONDS)
					.countMyUnread(CountMyUnreadRequest.getDefaultInstance()).getUnread();
			}
			catch (RuntimeException unanswered) {
				return;
			}
			synchronized (this) {
				if (now == unread) {
					return;
				}
				unread = now;
			}
			send(SseEmitter.event().name("unread").data(Map.of("unread", now), MediaType.APPLICATION_JSON));
		}

		private synchronized boolean isClosed() {
			return closed;
		}

		private synchronized void send(SseEmitter.SseEventBuilder event) {
			if (closed) {
				return;
			}
			try {
				emitter.send(event);
			}
			catch (IOException | IllegalStateException gone) {
				// The browser went away (a closed tab shows at the next heartbeat at the latest).
				close();
				try {
					emitter.completeWithError(gone);
				}
				catch (IllegalStateException alreadyDone) {
					// Completed by the container meanwhile.
				}
			}
		}

		private void complete() {
			close();
			try {
				emitter.complete();
			}
			catch (IllegalStateException alreadyDone) {
				// Completed by the container meanwhile.
			}
		}

		/** Cancels the stream and frees the place, once. */
		void close() {
			synchronized (this) {
				if (closed) {
					return;
				}
				closed = true;
			}
			ScheduledFuture<?> beat = heartbeat;
			if (beat != null) {
				beat.cancel(false);
			}
			ScheduledFuture<?> waiting = recount;
			if (waiting != null) {
				waiting.cancel(false);
			}
			ClientCallStreamObserver<FollowRequest> stream = call;
			if (stream != null) {
				stream.cancel("connection closed", null);
			}
			release(this);
		}
	}
}
