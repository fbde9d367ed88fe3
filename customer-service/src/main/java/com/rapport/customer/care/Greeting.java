package com.rapport.customer.care;

import java.time.Instant;
import java.time.LocalDate;

import com.rapport.customer.organisation.PreferredChannel;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One contact's greeting for one occasion on one local day. The id is made of exactly that
 * ({@code birthday:<contact>:<day>}, {@code holiday:<holiday>:<contact>:<day>}) and written before anything is
 * sent, so two replicas or a repeated run greet once: whoever inserts it sends.
 *
 * @param day              the contact's local date the occasion fell on
 * @param reason           why it was skipped ({@code no-marketing-consent}, {@code channel-not-available}), or
 *                         the last error of a failed send
 * @param preferredChannel how the contact wants to be reached
 * @param channel          how the greeting went out ({@code EMAIL}), null until it did
 * @param attempts         sends tried so far
 * @param recorded         whether the timeline has everything it should say about it (nothing more to record)
 */
@Document("greetings")
@CompoundIndex(name = "by_contact", def = "{'organisationId': 1, 'contactId': 1}")
public record Greeting(@Id String id, String organisationId, String contactId, Occasion occasion, String holidayId,
		LocalDate day, GreetingState state, String reason, PreferredChannel preferredChannel, PreferredChannel channel,
		int attempts, Instant createdAt, Instant updatedAt, Instant sentAt, boolean recorded) {

	static final String NO_MARKETING_CONSENT = "no-marketing-consent";

	static final String CHANNEL_NOT_AVAILABLE = "channel-not-available";

	/** The once-key of an occasion for a contact on its local day. */
	static String key(Occasion occasion, String holidayId, String contactId, LocalDate day) {
		return occasion == Occasion.BIRTHDAY ? "birthday:" + contactId + ":" + day
				: "holiday:" + holidayId + ":" + contactId + ":" + day;
	}
}
