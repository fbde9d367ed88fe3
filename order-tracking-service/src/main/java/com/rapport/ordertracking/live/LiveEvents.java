package com.rapport.ordertracking.live;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The live feed's store ({@code live_events}): every read names an index (see {@link LiveEvent}). */
@Component
public class LiveEvents {

	private final MongoTemplate mongo;

	LiveEvents(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The newest position in the feed, 0 when it is empty ({@code position}, read backwards, one entry). */
	public long newestPosition() {
		Query newest = new Query().with(Sort.by(Sort.Direction.DESC, "position")).limit(1);
		newest.fields().include("position");
		LiveEvent event = mongo.findOne(newest, LiveEvent.class);
		return event == null ? 0 : event.position();
	}

	/** The organisation's events after {@code position}, oldest first, at most {@code limit} ({@code customer_position}). */
	public List<LiveEvent> after(String customerId, long position, int limit) {
		return mongo.find(Query.query(Criteria.where("customerId").is(customerId).and("position").gt(position))
			.with(Sort.by("position")).limit(limit), LiveEvent.class);
	}

	/**
	 * The organisation's events recorded at or after {@code since}, in position order, at most {@code limit}
	 * ({@code customer_recorded}; a handful, sorted here).
	 */
	public List<LiveEvent> since(String customerId, Instant since, int limit) {
		return mongo.find(Query.query(Criteria.where("customerId").is(customerId).and("recordedAt").gte(since))
			.with(Sort.by("recordedAt")).limit(limit), LiveEvent.class).stream()
			.sorted(java.util.Comparator.comparingLong(LiveEvent::position)).toList();
	}

	/** Everyone's events after {@code position}, oldest first, at most {@code limit} ({@code position}). */
	public List<LiveEvent> after(long position, int limit) {
		return mongo.find(Query.query(Criteria.where("position").gt(position)).with(Sort.by("position")).limit(limit),
				LiveEvent.class);
	}

	/** Which of these event ids are in the feed already. */
	List<String> present(List<String> ids) {
		Query query = Query.query(Criteria.where("_id").in(ids));
		query.fields().include("_id");
		return mongo.find(query, org.bson.Document.class, "live_events").stream().map(d -> d.getString("_id")).toList();
	}

	void insert(List<LiveEvent> events) {
		mongo.insert(events, LiveEvent.class);
	}

	/**
	 * Removes events recorded before {@code before} ({@code recorded}), but never the newest: the next position is
	 * the one after it, so positions never start again below a follower's {@code Last-Event-ID}.
	 */
	long removeBefore(Instant before) {
		return mongo.remove(Query.query(Criteria.where("recordedAt").lt(before).and("position").lt(newestPosition())),
				LiveEvent.class).getDeletedCount();
	}
}
