package com.rapport.feedback.rollup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.rapport.feedback.segment.OrganisationSegments;
import com.rapport.support.lease.MongoLease;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One refresh of the segment copy, on one replica per interval: under the lease {@value #LEASE} the replica that gets
 * it reads customer-service's organisations by keyset pages into the copy, moves the answers counted under the unknown
 * segment whose organisation is known now ({@link SegmentCounts#settle()}), and once in the store's life counts the
 * answers stored before the roll-ups by segment existed ({@link SegmentCounts#recount()}). The time of the last refresh
 * is kept ({@value #STATE}), so a replica that gets the lease within an interval of another's refresh does nothing;
 * a refresh that failed (customer-service down, or not up yet after a start) is tried again at the next check. Within
 * the interval, a check that finds no answer waiting for its segment (the pending index) does not take the lease.
 */
public class SegmentRefresh {

	private static final Logger log = LoggerFactory.getLogger(SegmentRefresh.class);

	static final String LEASE = "feedback-segment-refresh";

	static final String STATE = "feedback_segment_state";

	private final OrganisationSegments segments;

	private final SegmentCounts counts;

	private final MongoTemplate mongo;

	private final MongoLease lease;

	private final Clock clock;

	private final Duration interval;

	public SegmentRefresh(OrganisationSegments segments, SegmentCounts counts, MongoTemplate mongo, MongoLease lease,
			Clock clock, Duration interval) {
		this.segments = segments;
		this.counts = counts;
		this.mongo = mongo;
		this.lease = lease;
		this.clock = clock;
		this.interval = interval;
	}

	/** What one call did: whether this replica refreshed, and how many organisations, moves and recounts. */
	public record Outcome(boolean refreshed, int organisations, int moved, int recounted) {
	}

	/** Refreshes unless another replica holds the lease or one refreshed within the last interval. */
	public Outcome run() {
		if (refreshedWithin(clock.instant()) && !counts.anyPending()) {
			// The check every 10 s on every replica: with nothing to move it reads two documents and writes nothing
			// (the lease is two synced writes).
			return new Outcome(false, 0, 0, 0);
		}
		Outcome[] outcome = { new Outcome(false, 0, 0, 0) };
		lease.runExclusively(LEASE, interval, () -> {
			Document state = mongo.findById("refresh", Document.class, STATE);
			Instant now = clock.instant();
			Date last = state == null ? null : state.getDate("refreshedAt");
			if (last != null && last.toInstant().isAfter(now.minus(interval))) {
				// Refreshed within the interval: answers recorded since with their segment not known then (a miss
				// look-up refused while customer-service starts) move now, not at the next full refresh.
				outcome[0] = new Outcome(false, 0, counts.settle(), 0);
				return;
			}
			int organisations = segments.refresh();
			int moved = counts.settle();
			int recounted = 0;
			if (state == null || !Boolean.TRUE.equals(state.getBoolean("recounted"))) {
				recounted = counts.recount();
			}
			mongo.upsert(Query.query(Criteria.where("_id").is("refresh")),
					new Update().set("refreshedAt", Date.from(now)).set("organisations", organisations)
						.set("recounted", true),
					STATE);
			outcome[0] = new Outcome(true, organisations, moved, recounted);
		});
		return outcome[0];
	}

	private boolean refreshedWithin(Instant now) {
		Document state = mongo.findById("refresh", Document.class, STATE);
		Date last = state == null ? null : state.getDate("refreshedAt");
		return last != null && last.toInstant().isAfter(now.minus(interval));
	}

	/** {@link #run()} on the schedule: a failure (customer-service down) is logged and the next run goes on. */
	void scheduled() {
		try {
			Outcome outcome = run();
			if (!outcome.refreshed() && outcome.moved() > 0) {
				log.info("Segments: {} answers moved from the unknown segment", outcome.moved());
			}
			if (outcome.refreshed()) {
				log.info("Segments refreshed: {} organisations, {} answers moved from the unknown segment, {} recounted",
						outcome.organisations(), outcome.moved(), outcome.recounted());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Segment refresh did not run to the end; the next one goes on: {}", ex.toString());
		}
	}
}
