package com.rapport.customer.care;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface CareTaskRepository extends MongoRepository<CareTask, String> {

	List<CareTask> findByOpenTrueOrderByCreatedAtDesc(Pageable pageable);

	List<CareTask> findByOpenTrueAndAssigneeOrderByCreatedAtDesc(String assignee, Pageable pageable);

	boolean existsByOrganisationIdAndKindAndOpenTrue(String organisationId, CareTaskKind kind);

	List<CareTask> findByOrganisationIdAndKindAndOpenTrue(String organisationId, CareTaskKind kind);
}
