package com.rapport.customer.referral;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A company one organisation's contact invited (collection {@code referrals}). Its id is made from the inviting
 * organisation and the invited address, so an organisation invites an address once. {@code email} is stored in
 * lower case and indexed with the state: a delivery finds the open referrals of its organisation's contacts by it.
 *
 * @param language                the inviting contact's language, the invitation mail's
 * @param referredOrganisationId  once earned: the organisation the company became (indexed: a company is referred once)
 * @param orderNumber             once earned: its first delivered order
 * @param points                  once earned: the bonus posted (0 when the rules had none)
 */
@Document("referrals")
@CompoundIndexes({ @CompoundIndex(name = "email_state", def = "{'email': 1, 'state': 1}"),
		@CompoundIndex(name = "organisation_invited", def = "{'organisationId': 1, 'invitedAt': -1}") })
public record Referral(@Id String id, String organisationId, String organisationName, String invitedByContactId,
		String invitedBy, String companyName, String email, String language, ReferralState state, Instant invitedAt,
		@Indexed(sparse = true) String referredOrganisationId, String orderNumber, long points, Instant earnedAt) {
}
