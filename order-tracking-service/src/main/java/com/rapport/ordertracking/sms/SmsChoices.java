package com.rapport.ordertracking.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Whether each contact wants its notifications by SMS as well ({@code sms_choices}, id organisation and contact,
 * index {@code customer} for the fan-out's one read per organisation): as the contact saved it in its notification
 * settings, else its preferred channel at customer-service ({@code SMS}: yes). Only when a provider is configured.
 */
@Component
@EnableConfigurationProperties(SmsProperties.class)
public class SmsChoices {

	private final MongoTemplate mongo;

	private final SmsProperties properties;

	private final Clock clock;

	SmsChoices(MongoTemplate mongo, SmsProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	@Document("sms_choices")
	record Saved(@Id String id, @Indexed(name = "customer") String customerId, String contactId, boolean sms,
			Instant updatedAt) {
	}

	/** Whether contacts can be told by SMS here (a provider is configured). */
	public boolean available() {
		return properties.available();
	}

	/** The saved choices of an organisation's contacts, by contact id. */
	public Map<String, Boolean> savedOf(String customerId) {
		Map<String, Boolean> saved = new HashMap<>();
		mongo.find(Query.query(Criteria.where("customerId").is(customerId)), Saved.class)
			.forEach(s -> saved.put(s.contactId(), s.sms()));
		return saved;
	}

	/** The contact's choice: as saved, else whether its preferred channel is SMS; never without a provider. */
	public boolean wants(Map<String, Boolean> saved, String contactId, boolean prefersSms) {
		return available() && saved.getOrDefault(contactId, prefersSms);
	}

	public boolean wants(String customerId, String contactId, boolean prefersSms) {
		Saved saved = mongo.findById(customerId + "|" + contactId, Saved.class);
		return available() && (saved == null ? prefersSms : saved.sms());
	}

	public void save(String customerId, String contactId, boolean sms) {
		mongo.save(new Saved(customerId + "|" + contactId, customerId, contactId, sms, clock.instant()));
	}
}
