package com.rapport.customer.care;

/** What the account manager is asked to do. */
public enum CareTaskKind {
	/** Call an organisation that has gone dormant (no order for a while). */
	WAKE_UP_CALL,
	/** Call an organisation whose churn risk reached the managers' threshold; the summary names the reasons. */
	CHURN_RISK,
	/** Offer a product a regular buyer is expected to order again soon (or overdue); the summary says which. */
	REORDER_DUE,
	/** Fulfil a reward a contact redeemed with the organisation's loyalty points; the summary says which. */
	LOYALTY_REDEMPTION
}
