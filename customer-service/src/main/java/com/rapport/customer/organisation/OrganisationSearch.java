package com.rapport.customer.organisation;

import java.time.MonthDay;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The indexed search of {@link SearchKeys}; implemented with the template for its dynamic criteria. */
public interface OrganisationSearch {

	/**
	 * Organisations by name where every term prefixes one of their search keys; {@code onlyId}, when not
	 * null, limits the answer to that organisation (a customer's own).
	 */
	Page<Organisation> search(List<String> terms, String onlyId, Pageable pageable);

	/**
	 * Active organisations with something to celebrate, by id after {@code afterId} (null: from the start), at
	 * most {@code limit}: those with a contact whose birthday falls on one of {@code birthdays}, and those in
	 * one of {@code countries} (every active one when {@code everyCountry}). The store narrows the candidates
	 * so that a greeting run does not read every organisation; the caller still checks each contact.
	 */
	List<Organisation> celebrating(Set<MonthDay> birthdays, Set<String> countries, boolean everyCountry,
			String afterId, int limit);
}
