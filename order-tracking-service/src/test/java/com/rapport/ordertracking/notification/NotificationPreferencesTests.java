package com.rapport.ordertracking.notification;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The defaults of a contact who never chose, and which topic each change is. */
class NotificationPreferencesTests {

	@Test
	void aContactWhoNeverChoseHearsOfEverythingByEmailWhenEmailIsTheirPreferredChannel() {
		NotificationPreferences email = NotificationPreferences.defaults("acme", new NotificationContact("c1", "Alice",
				"alice@acme.example", "en", "Asia/Shanghai", "EMAIL"));
		assertThat(email.topics()).containsExactly(NotificationTopic.values());
		assertThat(email.email()).isTrue();
		assertThat(email.quietHours()).isNull();
		assertThat(email.customised()).isFalse();
		assertThat(NotificationPreferences.defaults("acme", new NotificationContact("c2", "Bo", "bo@acme.example",
				"zh-CN", "Asia/Shanghai", "")).email()).isTrue();
	}

	@Test
	void aContactWhoPrefersThePortalOrSmsGetsTheInboxOnlyByDefault() {
		for (String channel : List.of("PORTAL", "SMS")) {
			NotificationPreferences defaults = NotificationPreferences.defaults("acme",
					new NotificationContact("c1", "Alice", "alice@acme.example", "en", "Asia/Shanghai", channel));
			assertThat(defaults.email()).as(channel).isFalse();
			assertThat(defaults.topics()).as(channel).containsExactly(NotificationTopic.values());
		}
	}

	@Test
	void chosenTopicsAreKeptOnceEachInOneOrder() {
		NotificationPreferences chosen = new NotificationPreferences("o|c", "o", "c", Arrays.asList(
				NotificationTopic.DELAYS, NotificationTopic.SHIPPED, NotificationTopic.DELAYS, null), false, null,
				Instant.EPOCH);
		assertThat(chosen.topics()).containsExactly(NotificationTopic.SHIPPED, NotificationTopic.DELAYS);
		assertThat(chosen.wants(NotificationTopic.PROGRESS)).isFalse();
		assertThat(chosen.customised()).isTrue();
	}

	@Test
	void eachChangeHasItsTopic() {
		assertThat(topic("MILESTONE_REACHED", "CONFIRMED")).isEqualTo(NotificationTopic.PROGRESS);
		assertThat(topic("MILESTONE_REACHED", "PACKED")).isEqualTo(NotificationTopic.PROGRESS);
		assertThat(topic("MILESTONE_REACHED", "SHIPPED")).isEqualTo(NotificationTopic.SHIPPED);
		assertThat(topic("MILESTONE_REACHED", "OUT_FOR_DELIVERY")).isEqualTo(NotificationTopic.SHIPPED);
		assertThat(topic("MILESTONE_REACHED", "DELIVERED")).isEqualTo(NotificationTopic.DELIVERED);
		assertThat(topic("MILESTONE_REACHED", "EXCEPTION")).isEqualTo(NotificationTopic.DELAYS);
		assertThat(topic("ORDER_DELAYED", null)).isEqualTo(NotificationTopic.DELAYS);
		assertThat(topic("PROMISE_CHANGED", null)).isEqualTo(NotificationTopic.DELAYS);
		assertThat(topic("ORDER_AT_RISK", null)).isEqualTo(NotificationTopic.DELAYS);
		assertThat(topic("ORDER_CANCELLED", null)).isEqualTo(NotificationTopic.CANCELLED);
		assertThat(topic("INCIDENT_NOTICE", null)).isEqualTo(NotificationTopic.INCIDENTS);
	}

	private static NotificationTopic topic(String kind, String code) {
		return NotificationTopic.of(kind, code == null ? Map.of() : Map.of("code", code));
	}
}
