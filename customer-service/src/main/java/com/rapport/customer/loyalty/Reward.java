package com.rapport.customer.loyalty;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reward of the catalogue, named and described in both languages.
 *
 * @param stock                left; {@code null} is unlimited. Taken by a conditional decrement, so two contacts
 *                             racing for the last one cannot both have it
 * @param limitPerOrganisation how often one organisation may redeem it; 0 is no limit
 */
@Document("loyalty_rewards")
public record Reward(@Id String id, RewardKind kind, String nameEn, String nameZh, String descriptionEn,
		String descriptionZh, long pointsCost, Long stock, int limitPerOrganisation, boolean active, long version,
		Instant createdAt, Instant updatedAt) {
}
