package com.rapport.customer.organisation;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The indexed search of {@link SearchKeys}; implemented with the template for its dynamic criteria. */
public interface OrganisationSearch {

	/**
	 * Organisations by name where every term prefixes one of their search keys; {@code onlyId}, when not
	 * null, limits the answer to that organisation (a customer's own).
	 */
	Page<Organisation> search(List<String> terms, String onlyId, Pageable pageable);
}
