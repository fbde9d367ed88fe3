package com.rapport.customer.organisation;

/** Where an organisation stands in its relationship with the supplier. */
public enum LifecycleStage {
	PROSPECT, FIRST_PURCHASE, REPEAT, LOYAL, DORMANT, CHURNED
}
