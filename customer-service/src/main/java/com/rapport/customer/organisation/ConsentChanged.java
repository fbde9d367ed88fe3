package com.rapport.customer.organisation;

import java.time.Instant;

/**
 * A contact gave or withdrew a consent. Published when the change is saved; {@code version} is the saved
 * organisation's version, so the same change published twice is one fact.
 */
public record ConsentChanged(String organisationId, String contactId, String contactName, String topic,
		boolean given, long version, Instant at) {
}
