package com.rapport.customer.identity;

import java.time.Instant;

import com.rapport.support.audit.AuditQuery;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed as the running service has it (tests elsewhere switch it off): Keycloak's failures reach the trail. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=customer-service-feed-wiring",
		"rapport.identity.login-failures.enabled=true", "rapport.identity.login-failures.initial-delay=1h" })
@Import({ TestTokens.DecoderConfiguration.class, InMemoryKeycloakAdmin.Configuration.class })
class LoginFailureFeedWiringTests {

	@Autowired
	LoginFailureFeed feed;

	@Autowired
	InMemoryKeycloakAdmin keycloak;

	@Autowired
	MongoAuditTrail audit;

	@Test
	void aFailedLoginInKeycloakBecomesAnAuditEntry() {
		keycloak.failures.add(new LoginFailure("ev-9", Instant.now().minusSeconds(5), "mallory", null, "rapport-gateway",
				"198.51.100.4", "invalid_user_credentials"));

		feed.poll();

		assertThat(audit.list(AuditQuery.newest(10)).entries()).anySatisfy(entry -> {
			assertThat(entry.event().action()).isEqualTo("login.failed");
			assertThat(entry.event().actor()).isEqualTo("mallory");
			assertThat(entry.event().address()).isEqualTo("198.51.100.4");
		});
	}
}
