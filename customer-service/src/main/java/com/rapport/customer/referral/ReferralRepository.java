package com.rapport.customer.referral;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ReferralRepository extends MongoRepository<Referral, String> {

	/** The open referrals of these addresses, by the index {@code email_state}. */
	List<Referral> findByEmailInAndStateOrderByInvitedAtAsc(Collection<String> emails, ReferralState state);

	boolean existsByReferredOrganisationId(String organisationId);

	List<Referral> findByOrganisationIdOrderByInvitedAtDesc(String organisationId, Pageable page);

	List<Referral> findAllByOrderByInvitedAtDesc(Pageable page);
}
