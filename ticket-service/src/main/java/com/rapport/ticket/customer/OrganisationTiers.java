package com.rapport.ticket.customer;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.ticket.sla.Tier;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * An organisation's tier for picking an SLA: customer-service's answer when it gives one (kept in this
 * service's store, replacing what was known), the last one kept when it cannot answer, else nothing (the
 * caller assumes a default). An organisation customer-service does not know is not guessed at:
 * {@link NotFoundException}.
 */
@Service
public class OrganisationTiers {

	private static final Logger log = LoggerFactory.getLogger(OrganisationTiers.class);

	private final CustomerDirectory customers;

	private final MongoTemplate mongo;

	private final Clock clock;

	public OrganisationTiers(CustomerDirectory customers, MongoTemplate mongo, Clock clock) {
		this.customers = customers;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** A tier and whether it is customer-service's answer of now ({@code current}) or the last one known. */
	public record TierReading(Tier tier, boolean current) {
	}

	public Optional<TierReading> tierOf(String organisationId) {
		try {
			Tier tier = customers.tierOf(organisationId);
			mongo.save(new KnownTier(organisationId, tier, clock.instant()));
			return Optional.of(new TierReading(tier, true));
		}
		catch (RemoteUnavailableException ex) {
			KnownTier known = mongo.findById(organisationId, KnownTier.class);
			log.warn("customer-service unavailable; tier of {} assumed: {}", organisationId,
					known == null ? "none known" : known.tier() + " as read at " + known.readAt());
			return Optional.ofNullable(known).map(k -> new TierReading(k.tier(), false));
		}
	}
}
