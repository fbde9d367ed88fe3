package com.rapport.support.timeline;

import java.time.Clock;

import com.rapport.support.lease.MongoLease;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Relays the service's {@link TimelineOutbox} every few seconds, on one replica at a time (a MongoDB lease
 * named by the outbox). Settings, the same in every service: {@code rapport.relay.enabled} (default
 * {@code true}; the tests turn it off and drive the relay themselves), {@code rapport.relay.initial-delay}
 * ({@code 5s}) and {@code rapport.relay.interval} ({@code 2s}, between the end of a round and the next).
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnBean({ TimelineOutbox.class, MongoTemplate.class })
@ConditionalOnBooleanProperty(name = "rapport.relay.enabled", matchIfMissing = true)
@EnableScheduling
public class OutboxRelayAutoConfiguration {

	@Bean
	OutboxRelay<?, ?> outboxRelay(MongoTemplate mongo, InteractionRecorder recorder, TimelineOutbox<?, ?> outbox,
			ObjectProvider<OutboxTelemetry> telemetry) {
		return new OutboxRelay<>(mongo, recorder, outbox, telemetry.getIfAvailable(() -> OutboxTelemetry.NONE));
	}

	@Bean
	RelaySchedule outboxRelaySchedule(OutboxRelay<?, ?> relay, MongoTemplate mongo, ObjectProvider<Clock> clock,
			@Value("${spring.application.name}") String name) {
		return new RelaySchedule(
				new OutboxSchedule(relay, new MongoLease(mongo, clock.getIfUnique(Clock::systemUTC), name)));
	}

	record RelaySchedule(OutboxSchedule schedule) {

		@Scheduled(initialDelayString = "${rapport.relay.initial-delay:5s}",
				fixedDelayString = "${rapport.relay.interval:2s}")
		void run() {
			schedule.run();
		}
	}
}
