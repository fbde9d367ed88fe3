package com.rapport.customer.timeline;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Both queries are answered from the {@code organisation_*_newest} indexes declared on {@link Interaction}. */
public interface InteractionRepository extends MongoRepository<Interaction, String> {

	Page<Interaction> findByOrganisationIdOrderByOccurredAtDescIdDesc(String organisationId, Pageable pageable);

	Page<Interaction> findByOrganisationIdAndKindInOrderByOccurredAtDescIdDesc(String organisationId,
			Collection<InteractionKind> kinds, Pageable pageable);

	boolean existsBySourceAndEventId(String source, String eventId);

	/** The RFM inputs (tiering); answered from {@code organisation_kind_newest}. */
	List<Interaction> findByOrganisationIdAndKindAndOccurredAtGreaterThanEqual(String organisationId,
			InteractionKind kind, Instant since);

	Optional<Interaction> findFirstByOrganisationIdAndKindOrderByOccurredAtDescIdDesc(String organisationId,
			InteractionKind kind);

	long countByOrganisationIdAndKind(String organisationId, InteractionKind kind);
}
