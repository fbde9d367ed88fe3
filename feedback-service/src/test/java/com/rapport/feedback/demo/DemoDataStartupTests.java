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
 * The service starts with its demo data while customer-service (and Keycloak) cannot be reached: the answers
 * are stored and wait in their outboxes for the relay.
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
		assertThat(responses.count()).isEqualTo(9);

		assertThat(relay.relayPending()).isZero();
		assertThat(responses.findAll()).allSatisfy(answer -> {
			assertThat(answer.outbox()).hasSize(1);
			assertThat(answer.undeliverable()).isEmpty();
		});
	}
}
