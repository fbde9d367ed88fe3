package com.rapport.customer.loyalty;

/** What a reward gives; the account manager fulfils it. */
public enum RewardKind {
	CREDIT_NOTE, FREE_SHIPPING, TRAINING, PRIORITY_SUPPORT
}
