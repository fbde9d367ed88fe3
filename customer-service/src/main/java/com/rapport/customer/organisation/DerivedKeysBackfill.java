package com.rapport.customer.organisation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stores the search keys and birthday keys of organisations written before they existed, so that a store from an
 * earlier version is searchable and greeted at once. Reading an organisation derives its keys; they are stored
 * two hundred organisations to a write (one sync each: 100,000 organisations one save at a time kept a start
 * waiting for minutes). Only the derived fields are written, so a concurrent edit loses nothing.
 */
@Component
class DerivedKeysBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DerivedKeysBackfill.class);

	private final OrganisationRepository organisations;

	private final MongoOperations mongo;

	DerivedKeysBackfill(OrganisationRepository organisations, MongoOperations mongo) {
		this.organisations = organisations;
		this.mongo = mongo;
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
			BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Organisation.class);
			for (Organisation organisation : batch) {
				writes.updateOne(Query.query(Criteria.where("_id").is(organisation.id())),
						Update.update("searchKeys", organisation.searchKeys())
							.set("birthdayKeys", organisation.birthdayKeys()));
			}
			writes.execute();
		}
		return done.size();
	}
}
