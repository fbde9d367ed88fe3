package com.rapport.ordertracking.notification;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one contact chose to hear of and how: the topics, email besides the portal inbox (which gets every wanted
 * topic), and quiet hours (null: none). The id is the organisation and the contact; the fan-out reads an
 * organisation's by the index {@code customer}. A contact who never chose has {@link #defaults}.
 */
@Document("notification_preferences")
public record NotificationPreferences(@Id String id, @Indexed(name = "customer") String customerId, String contactId,
		List<NotificationTopic> topics, boolean email, QuietHours quietHours, Instant updatedAt) {

	public NotificationPreferences {
		// In the enum's order, once each, so that equal choices are equal documents.
		EnumSet<NotificationTopic> chosen = EnumSet.noneOf(NotificationTopic.class);
		if (topics != null) {
			topics.stream().filter(Objects::nonNull).forEach(chosen::add);
		}
		topics = List.copyOf(chosen);
	}

	public static String idOf(String customerId, String contactId) {
		return customerId + "|" + contactId;
	}

	/**
	 * Every topic; email when the contact's preferred channel at customer-service is email (or unset), as before
	 * contacts could choose; no quiet hours, as nobody's working hours are known until they say.
	 */
	public static NotificationPreferences defaults(String customerId, NotificationContact contact) {
		return new NotificationPreferences(idOf(customerId, contact.id()), customerId, contact.id(),
				List.of(NotificationTopic.values()), contact.prefersEmail(), null, null);
	}

	/** Whether these were saved by the contact (not the defaults). */
	public boolean customised() {
		return updatedAt != null;
	}

	public boolean wants(NotificationTopic topic) {
		return topics.contains(topic);
	}

	/** When an email of a change made {@code now} may go: at once when urgent or outside quiet hours. */
	Instant emailAt(String kind, Map<String, String> facts, Instant now, String timeZone) {
		if (quietHours == null || NotificationTopic.urgent(kind, facts)) {
			return now;
		}
		return quietHours.release(now, QuietHours.zoneOf(timeZone));
	}
}
