package com.rapport.customer.organisation;

/**
 * Whether an id is taken, as a read of that one document by {@code _id}. Not {@code existsById}: Spring Data
 * answers it with a count, an aggregation that the embedded store runs over every organisation, so that each
 * organisation created (one look-up per id tried) cost more the more the store held.
 */
public interface OrganisationIds {

	boolean hasId(String id);
}
