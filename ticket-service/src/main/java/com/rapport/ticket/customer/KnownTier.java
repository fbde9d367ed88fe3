package com.rapport.ticket.customer;

import java.time.Instant;

import com.rapport.ticket.sla.Tier;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The tier customer-service last reported for an organisation, and when: the fallback while it is down. */
@Document("organisation_tiers")
public record KnownTier(@Id String organisationId, Tier tier, Instant readAt) {
}
