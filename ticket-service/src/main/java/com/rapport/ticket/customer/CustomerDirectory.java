package com.rapport.ticket.customer;

import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.ticket.sla.Tier;

/** customer-service as the source of truth of organisations' tiers. */
public interface CustomerDirectory {

	/**
	 * The organisation's tier in force, asked as this service. Throws {@link NotFoundException} for an
	 * organisation customer-service does not know, {@link RemoteUnavailableException} when it cannot answer.
	 */
	Tier tierOf(String organisationId);

	/**
	 * The user name of the organisation's account manager (its single point of contact), empty when it has none;
	 * throws as {@link #tierOf}.
	 */
	java.util.Optional<String> accountManagerOf(String organisationId);
}
