package com.rapport.ordertracking.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.rapport.support.lease.MongoLease;
import org.bson.Document;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds open orders that became at risk while nobody wrote to them: no milestone for longer than their stage
 * allows ({@code rapport.orders.no-progress}), or a promised date gone by. Every few minutes
 * ({@code rapport.delays.interval}) one replica, holding the lease {@code order-delay-detector}, looks by the
 * indexes {@code progress_watch} and {@code promise_watch}; each order is marked by the same conditional write
 * as every other change, so a mark never overwrites a milestone that arrived meanwhile.
 */
@Component
@ConditionalOnBooleanProperty(name = "rapport.delays.enabled", matchIfMissing = true)
public class DelayDetector {

	static final int BATCH = 500;

	private static final String COLLECTION = "orders";

	private final MongoTemplate mongo;

	private final OrderProgressService progress;

	private final OrderProgressProperties properties;

	private final DeliveryPerformanceProperties business;

	private final Clock clock;

	private final MongoLease lease;

	DelayDetector(MongoTemplate mongo, OrderProgressService progress, OrderProgressProperties properties,
			DeliveryPerformanceProperties business, Clock clock,
			@Value("${spring.application.name:order-tracking-service}") String name) {
		this.mongo = mongo;
		this.progress = progress;
		this.properties = properties;
		this.business = business;
		this.clock = clock;
		this.lease = new MongoLease(mongo, clock, name);
	}

	@Scheduled(initialDelayString = "${rapport.delays.initial-delay:30s}", fixedDelayString = "${rapport.delays.interval:5m}")
	void onSchedule() {
		lease.runExclusively("order-delay-detector", Duration.ofMinutes(5), this::detect);
	}

	/** One round; answers how many orders it found at risk. */
	public int detect() {
		Instant now = clock.instant();
		int found = 0;
		Query quiet = Query.query(Criteria.where("open").is(true).and("atRisk").is(false).and("lastProgressAt")
			.lt(now.minus(properties.shortestNoProgress()))).limit(BATCH);
		quiet.fields().include("_id");
		for (Document order : mongo.find(quiet, Document.class, COLLECTION)) {
			found += progress.markStalled(order.get("_id").toString(), now).isPresent() ? 1 : 0;
		}
		Query promiseGone = Query.query(Criteria.where("open").is(true).and("atRisk").is(false).and("promisedDate")
			.lt(LocalDate.ofInstant(now, business.timeZone()))).limit(BATCH);
		promiseGone.fields().include("_id");
		for (Document order : mongo.find(promiseGone, Document.class, COLLECTION)) {
			found += progress.markStalled(order.get("_id").toString(), now).isPresent() ? 1 : 0;
		}
		return found;
	}
}
