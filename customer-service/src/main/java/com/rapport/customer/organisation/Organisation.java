package com.rapport.customer.organisation;

import java.time.Instant;

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
		LifecycleStage lifecycleStage, @CreatedDate Instant createdAt, @LastModifiedDate Instant updatedAt,
		@Version Long version) {

	public static Organisation create(String id, String name, String industry, String country) {
		return new Organisation(id, name, industry, country, Tier.NORMAL, LifecycleStage.PROSPECT, null, null, null);
	}
}
