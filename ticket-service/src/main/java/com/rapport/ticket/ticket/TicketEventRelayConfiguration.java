package com.rapport.ticket.ticket;

import java.time.Clock;

import com.rapport.support.lease.MongoLease;
import com.rapport.ticket.customer.InteractionRecorder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the relay every few seconds, on one replica at a time (a MongoDB lease). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "rapport.relay.enabled", matchIfMissing = true)
class TicketEventRelayConfiguration {

	@Bean
	TicketEventRelay ticketEventRelay(MongoTemplate mongo, InteractionRecorder recorder) {
		return new TicketEventRelay(mongo, recorder);
	}

	@Bean
	RelaySchedule relaySchedule(TicketEventRelay relay, MongoTemplate mongo, Clock clock,
			@Value("${spring.application.name}") String name) {
		return new RelaySchedule(relay, new MongoLease(mongo, clock, name));
	}

	record RelaySchedule(TicketEventRelay relay, MongoLease lease) {

		@Scheduled(initialDelayString = "${rapport.relay.initial-delay:5s}", fixedDelayString = "${rapport.relay.interval:2s}")
		void run() {
			lease.runExclusively("ticket-event-relay", TicketEventRelay.maxRound(), relay::relayPending);
		}
	}
}
