package com.rapport.customer.organisation;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface OrganisationRepository extends MongoRepository<Organisation, String> {

	Page<Organisation> findAllByOrderByNameAsc(Pageable pageable);
}
