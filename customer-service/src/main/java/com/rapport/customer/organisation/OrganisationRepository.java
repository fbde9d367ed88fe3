package com.rapport.customer.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface OrganisationRepository
		extends MongoRepository<Organisation, String>, OrganisationSearch, OrganisationIds {

	Page<Organisation> findAllByOrderByNameAsc(Pageable pageable);

	Optional<Organisation> findByExternalId(String externalId);

	/** Organisations with this search key (a contact's whole email address is one), from the keys' index. */
	List<Organisation> findTop20BySearchKeys(String key);

	/** Every organisation a slice at a time, without counting them (the nightly recompute). */
	Slice<Organisation> findAllBy(Pageable pageable);

	/** Organisations stored before they carried search keys ({@code null} matches a missing field). */
	List<Organisation> findTop200BySearchKeysIsNull();

	/** Organisations stored before they carried birthday keys. */
	List<Organisation> findTop200ByBirthdayKeysIsNull();
}
