package com.rapport.support.timeline;

import java.time.Clock;

import com.rapport.support.lease.MongoLease;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * An {@link Outbox} that relays itself on the timeline relay's schedule ({@code rapport.relay.initial-delay},
 * {@code rapport.relay.interval}), one replica at a time under its {@link #leaseName() lease}: a service's
 * second outbox (the timeline's is platform-support's own) extends this and says only what its events are and
 * where they go. {@code enabled} false (the tests' {@code rapport.relay.enabled=false}) leaves the rounds to
 * {@link #relayPending()}. The service must have scheduling enabled.
 */
public abstract class ScheduledOutbox<R, E> implements Outbox<R, E> {

	private final MongoTemplate mongo;

	private final MongoLease lease;

	private final boolean enabled;

	private volatile OutboxRelay<R, E> relay;

	private OutboxTelemetry telemetry = OutboxTelemetry.NONE;

	protected ScheduledOutbox(MongoTemplate mongo, Clock clock, String instanceName, boolean enabled) {
		this.mongo = mongo;
		this.lease = new MongoLease(mongo, clock, instanceName);
		this.enabled = enabled;
	}

	/** The trace context and meters of the relay (platform-support's {@link OutboxTelemetryAutoConfiguration}). */
	@Autowired(required = false)
	public void setTelemetry(OutboxTelemetry telemetry) {
		this.telemetry = telemetry;
	}

	@Scheduled(initialDelayString = "${rapport.relay.initial-delay:5s}", fixedDelayString = "${rapport.relay.interval:2s}")
	public void scheduledRound() {
		if (enabled) {
			new OutboxSchedule(relay(), lease).run();
		}
	}

	/** One round now, without the lease: answers how many events were delivered. */
	public int relayPending() {
		return relay().relayPending();
	}

	private OutboxRelay<R, E> relay() {
		// Made on first use: the relay reads recordType(), which a subclass answers once constructed.
		OutboxRelay<R, E> made = relay;
		if (made == null) {
			made = new OutboxRelay<>(mongo, this, telemetry);
			relay = made;
		}
		return made;
	}
}
