package com.rapport.customer.organisation;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A buying company. Its id is the value of the {@code customer_id} claim its contacts' tokens carry.
 */
@Document("organisations")
public record Organisation(@Id String id, @Indexed String name, String industry, String country, Tier tier,
		LifecycleStage lifecycleStage, List<Contact> contacts, @CreatedDate Instant createdAt,
		@LastModifiedDate Instant updatedAt, @Version Long version) {

	public Organisation {
		contacts = contacts == null ? List.of() : List.copyOf(contacts);
	}

	/** A new organisation: a prospect of the normal tier until orders say otherwise. */
	public static Organisation create(String id, String name, String industry, String country, Contact... contacts) {
		return new Organisation(id, name, industry, country, Tier.NORMAL, LifecycleStage.PROSPECT, List.of(contacts),
				null, null, null);
	}
}
