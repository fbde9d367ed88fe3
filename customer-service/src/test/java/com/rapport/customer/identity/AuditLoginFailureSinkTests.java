package com.rapport.customer.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rapport.support.audit.AuditEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLoginFailureSinkTests {

	final List<AuditEvent> audited = new ArrayList<>();

	final AuditLoginFailureSink sink = new AuditLoginFailureSink(audited::add);

	@Test
	void aFailedLoginIsAuditedAsKeycloakSawIt() {
		Instant at = Instant.parse("2026-11-30T08:15:30.123Z");
		sink.accept(new LoginFailure("ev-1", at, "bo.zhang@acme-retail.example", null, "rapport-gateway",
				"203.0.113.7", "user_not_found"));

		assertThat(audited).singleElement().satisfies(event -> {
			assertThat(event.action()).isEqualTo("login.failed");
			assertThat(event.actor()).isEqualTo("bo.zhang@acme-retail.example");
			assertThat(event.client()).isEqualTo("rapport-gateway");
			assertThat(event.address()).isEqualTo("203.0.113.7");
			assertThat(event.at()).isEqualTo(at);
			assertThat(event.recordType()).isEqualTo("login");
			assertThat(event.details()).containsEntry("error", "user_not_found").containsEntry("keycloak_event", "ev-1");
		});
	}

	@Test
	void aFailureWithoutAUserNameIsByAnUnknownActorOfThatUserId() {
		sink.accept(new LoginFailure(null, Instant.parse("2026-11-30T08:15:30Z"), null, "user-7", "rapport-gateway",
				"203.0.113.7", "invalid_user_credentials"));

		assertThat(audited).singleElement().satisfies(event -> {
			assertThat(event.actor()).isEqualTo(AuditLoginFailureSink.UNKNOWN_USER);
			assertThat(event.recordId()).isEqualTo("user-7");
			assertThat(event.details()).doesNotContainKey("keycloak_event");
		});
	}
}
