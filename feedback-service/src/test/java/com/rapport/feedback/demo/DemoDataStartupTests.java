package com.rapport.feedback.demo;

import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.support.test.TestTokens;
import com.rapport.support.timeline.OutboxRelay;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service starts with its demo data while customer-service (and Keycloak) cannot be reached: the recent answers
 * are stored and wait in their outboxes for the relay, the year of history beside them.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=feedback-demo-startup", "rapport.demo-data=true",
		"rapport.relay.enabled=true", "rapport.relay.initial-delay=1h",
		"spring.grpc.client.channels.customer-service.address=static://localhost:1",
		"rapport.service-client.token-uri=http://localhost:1/token" })
@Import(TestTokens.DecoderConfiguration.class)
class DemoDataStartupTests {

	@Autowired
	SurveyResponseRepository responses;

	@Autowired
	OutboxRelay<?, ?> relay;

	@Test
	void theDemoIsLoadedWithCustomerServiceDownAndItsTimelineEventsWait() {
		// The nine recent answers wait for the timeline; the year of history (DemoHistory, loading in the background
		// meanwhile) is not told to it.
		assertThat(responses.findAll()).filteredOn(answer -> !answer.id().startsWith(DemoHistory.PREFIX)).hasSize(9);

		assertThat(relay.relayPending()).isZero();
		assertThat(responses.findAll()).allSatisfy(answer -> {
			assertThat(answer.outbox()).hasSize(answer.id().startsWith(DemoHistory.PREFIX) ? 0 : 1);
			assertThat(answer.undeliverable()).isEmpty();
			assertThat(answer.followUps()).isEmpty();
		});
	}
}
