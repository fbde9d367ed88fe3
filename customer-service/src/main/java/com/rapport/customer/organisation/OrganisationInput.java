package com.rapport.customer.organisation;

import java.util.List;

/**
 * What a caller sends to create or change an organisation, unchecked. A {@code null} field keeps the
 * current value (or the default, on create); an empty string or list clears an optional field. Enum values
 * arrive as text so that a wrong one is named like any other invalid field. {@code version}, when given,
 * must be the version the caller read.
 */
public record OrganisationInput(String id, String name, String industry, String sizeBand, String country,
		String region, List<String> tags, String accountManager, String status, String externalId, Long version) {
}
