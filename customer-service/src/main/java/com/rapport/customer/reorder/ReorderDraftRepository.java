package com.rapport.customer.reorder;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The drafts made for expected reorders, by the reorder's key. */
public interface ReorderDraftRepository extends MongoRepository<ReorderDraft, String> {

	List<ReorderDraft> findByOrganisationId(String organisationId);
}
