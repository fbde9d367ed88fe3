package com.rapport.customer.organisation;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;

/** Named {@code <fragment>Impl} so Spring Data wires it into {@link OrganisationRepository}. */
class OrganisationIdsImpl implements OrganisationIds {

	private final MongoOperations mongo;

	OrganisationIdsImpl(MongoOperations mongo) {
		this.mongo = mongo;
	}

	@Override
	public boolean hasId(String id) {
		return mongo.getCollection(mongo.getCollectionName(Organisation.class)).find(new Document("_id", id))
			.projection(new Document("_id", 1)).limit(1).first() != null;
	}
}
