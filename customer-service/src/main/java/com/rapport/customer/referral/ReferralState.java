package com.rapport.customer.referral;

/** Where a referral stands. */
public enum ReferralState {
	/** Invited; the company is not yet an organisation with a delivered order. */
	INVITED,
	/** The company became an organisation and its first order was delivered: the referrer earned its bonus. */
	EARNED
}
