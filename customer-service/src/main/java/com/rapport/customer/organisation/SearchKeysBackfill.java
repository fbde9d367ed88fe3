package com.rapport.customer.organisation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Stores the search keys of organisations written before search existed, so that a store from an earlier
 * version is searchable at once. Reading builds the keys; saving keeps them (and the contacts' derived ids).
 */
@Component
class SearchKeysBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SearchKeysBackfill.class);

	private final OrganisationRepository organisations;

	SearchKeysBackfill(OrganisationRepository organisations) {
		this.organisations = organisations;
	}

	@Override
	public void run(ApplicationArguments args) {
		Set<String> done = new HashSet<>();
		List<Organisation> batch;
		while (!(batch = organisations.findTop200BySearchKeysIsNull()).isEmpty()) {
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
		if (!done.isEmpty()) {
			log.info("Stored search keys of {} organisations written by an earlier version", done.size());
		}
	}
}
