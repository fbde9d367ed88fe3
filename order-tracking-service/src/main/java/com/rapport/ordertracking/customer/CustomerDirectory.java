package com.rapport.ordertracking.customer;

import java.util.Optional;

import com.rapport.support.error.RemoteUnavailableException;

/** What this service needs to know of customer organisations; customer-service is the source of truth. */
public interface CustomerDirectory {

	/**
	 * Whether the organisation exists, asked as this service (a partner's token carries no right to read
	 * organisations). Throws {@link RemoteUnavailableException} when that cannot be known: an order is
	 * never accepted on a guess.
	 */
	boolean exists(String organisationId);

	/**
	 * The organisation's name, asked as this service for an order the caller has already been allowed to see;
	 * empty when it cannot be had: a name is decoration, the order is shown regardless.
	 */
	Optional<String> nameOf(String organisationId);
}
