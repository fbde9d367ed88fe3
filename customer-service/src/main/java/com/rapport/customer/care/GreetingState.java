package com.rapport.customer.care;

/** Where a greeting stands. Only {@link #FAILED} ever moves again (to a retry), and only a bounded number of times. */
public enum GreetingState {
	/** Claimed by a run that is sending it now; one left behind by a crash is never sent again (once, not twice). */
	PENDING,
	SENT,
	/** The mail server refused or did not answer; the next run retries while the day lasts, up to the attempts. */
	FAILED,
	/** Not sent on purpose: no marketing consent, or no channel to reach the contact by. */
	SKIPPED
}
