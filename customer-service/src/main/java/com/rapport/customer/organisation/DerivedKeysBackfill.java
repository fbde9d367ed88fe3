package com.rapport.customer.organisation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Stores the search keys and birthday keys of organisations written before they existed, so that a store from an
 * earlier version is searchable and greeted at once. Reading builds the keys; saving keeps them (and the contacts'
 * derived ids).
 */
@Component
class DerivedKeysBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DerivedKeysBackfill.class);

	private final OrganisationRepository organisations;

	DerivedKeysBackfill(OrganisationRepository organisations) {
		this.organisations = organisations;
	}

	@Override
	public void run(ApplicationArguments args) {
		int stored = backfill(organisations::findTop200BySearchKeysIsNull)
				+ backfill(organisations::findTop200ByBirthdayKeysIsNull);
		if (stored > 0) {
			log.info("Stored the derived keys of {} organisations written by an earlier version", stored);
		}
	}

	private int backfill(Supplier<List<Organisation>> unkeyed) {
		Set<String> done = new HashSet<>();
		List<Organisation> batch;
		while (!(batch = unkeyed.get()).isEmpty()) {
			if (!done.addAll(batch.stream().map(Organisation::id).toList())) {
				break;
			}
			for (Organisation organisation : batch) {
				try {
					organisations.save(organisation);
				}
				catch (OptimisticLockingFailureException ex) {
					// Changed meanwhile: that save stored the keys already.
				}
			}
		}
		return done.size();
	}
}
