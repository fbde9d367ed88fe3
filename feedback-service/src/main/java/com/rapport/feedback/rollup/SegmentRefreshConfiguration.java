package com.rapport.feedback.rollup;

import java.time.Clock;
import java.time.Duration;

import com.rapport.feedback.segment.OrganisationSegments;
import com.rapport.support.lease.MongoLease;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Refreshes the segment copy every {@code rapport.feedback.segments.refresh-interval} (1 h) on one replica
 * ({@link SegmentRefresh}): checked {@code rapport.feedback.segments.initial-delay} (5 s) after the start and then
 * every {@code rapport.feedback.segments.check-every} (10 s), so a refresh that failed (customer-service not up yet)
 * is tried again seconds later, not an hour (the demo's answers are in their segments soon after a start).
 * Tests switch it off ({@code rapport.feedback.segments.refreshing=false}) and call {@link SegmentRefresh#run()}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "rapport.feedback.segments.refreshing", matchIfMissing = true)
class SegmentRefreshConfiguration {

	@Bean
	ScheduledSegmentRefresh scheduledSegmentRefresh(OrganisationSegments segments, SegmentCounts counts,
			MongoTemplate mongo, Clock clock, @Value("${spring.application.name}") String name,
			@Value("${rapport.feedback.segments.refresh-interval:1h}") Duration interval) {
		return new ScheduledSegmentRefresh(
				new SegmentRefresh(segments, counts, mongo, new MongoLease(mongo, clock, name), clock, interval));
	}

	record ScheduledSegmentRefresh(SegmentRefresh refresh) {

		@Scheduled(initialDelayString = "${rapport.feedback.segments.initial-delay:5s}",
				fixedDelayString = "${rapport.feedback.segments.check-every:10s}")
		void run() {
			refresh.scheduled();
		}
	}
}
