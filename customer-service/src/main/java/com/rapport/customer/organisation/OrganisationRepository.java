package com.rapport.customer.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface OrganisationRepository
		extends MongoRepository<Organisation, String>, OrganisationSearch, OrganisationIds {

	Page<Organisation> findAllByOrderByNameAsc(Pageable pageable);

	Optional<Organisation> findByExternalId(String externalId);

	/** Organisations with this search key (a contact's whole email address is one), from the keys' index. */
	List<Organisation> findTop20BySearchKeys(String key);

	/**
	 * The next organisations by id after {@code after} ({@code ""} for the first), as many as {@code page} asks
	 * (its sort must be by id), without counting them: the nightly runs go through every organisation this way. A
	 * range read of the {@code _id} index, where a page number would make the store step over every organisation of
	 * the pages before (a run over 100,000 in pages of 500 stepped over ten million), and an organisation erased
	 * during the run would shift the pages after it and one organisation would be left out.
	 */
	List<Organisation> findByIdGreaterThan(String after, Pageable page);

	/** Organisations stored before they carried search keys ({@code null} matches a missing field). */
	List<Organisation> findTop200BySearchKeysIsNull();

	/** Organisations stored before they carried birthday keys. */
	List<Organisation> findTop200ByBirthdayKeysIsNull();
}
