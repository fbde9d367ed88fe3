package com.rapport.customer.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface LedgerRepository extends MongoRepository<LedgerEntry, String> {

	Optional<LedgerEntry> findFirstByOrganisationIdOrderBySeqDesc(String organisationId);

	Slice<LedgerEntry> findByOrganisationIdOrderBySeqDesc(String organisationId, Pageable page);

	List<LedgerEntry> findByOrganisationId(String organisationId);

	long countByOrganisationIdAndRewardIdAndKind(String organisationId, String rewardId, LedgerEntryKind kind);

	Slice<LedgerEntry> findByExpirySettledFalseAndExpiresAtLessThanEqualOrderByExpiresAt(Instant upTo, Pageable page);

	List<LedgerEntry> findByOrganisationIdAndExpirySettledFalse(String organisationId);
}
