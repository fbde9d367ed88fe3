package com.rapport.support.timeline;

import com.rapport.support.lease.MongoLease;

/**
 * One relay round at a time across the replicas: the round runs only on the replica holding the relay's lease.
 * A service's scheduled method calls {@link #run()}; the timeline outbox's schedule is platform-support's own.
 */
public record OutboxSchedule(OutboxRelay<?, ?> relay, MongoLease lease) {

	public void run() {
		lease.runExclusively(relay.leaseName(), OutboxRelay.MAX_ROUND, relay::relayPending);
	}
}
