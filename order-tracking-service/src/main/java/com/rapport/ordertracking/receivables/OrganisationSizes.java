package com.rapport.ordertracking.receivables;

import java.util.Optional;

/** How an organisation's reminders are worded, from its size at customer-service. */
public interface OrganisationSizes {

	/**
	 * {@code FORMAL} for large organisations (size band large or enterprise), {@code WARM} for smaller ones; empty
	 * when customer-service cannot say now (the last known style, else formal, is used: the safe side).
	 */
	Optional<Invoice.Style> styleOf(String organisationId);
}
