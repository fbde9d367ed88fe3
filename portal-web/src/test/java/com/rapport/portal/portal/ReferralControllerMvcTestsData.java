package com.rapport.portal.portal;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.Referral;
import com.rapport.contracts.customer.v1.ReferralState;

/** Two referrals of Acme Retail as customer-service answers them: one earned, one still invited. */
public final class ReferralControllerMvcTestsData {

	private ReferralControllerMvcTestsData() {
	}

	public static final Referral EARNED = Referral.newBuilder().setId("ref-1").setOrganisationId("acme-retail")
		.setOrganisationName("Acme Retail").setInvitedBy("Alice Chen").setCompanyName("Globex Trading")
		.setEmail("gavin.wu@globex.example").setState(ReferralState.REFERRAL_STATE_EARNED)
		.setInvitedAt(Timestamp.newBuilder().setSeconds(1_790_000_000)).setReferredOrganisationId("globex-trading")
		.setOrderNumber("GLX-6998").setPoints(1000).build();

	public static final Referral INVITED = Referral.newBuilder().setId("ref-2").setOrganisationId("acme-retail")
		.setOrganisationName("Acme Retail").setInvitedBy("Alice Chen").setCompanyName("Hooli Office")
		.setEmail("buyer@hooli.example").setState(ReferralState.REFERRAL_STATE_INVITED)
		.setInvitedAt(Timestamp.newBuilder().setSeconds(1_796_000_000)).build();

}
