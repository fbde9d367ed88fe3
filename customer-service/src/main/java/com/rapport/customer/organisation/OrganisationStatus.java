package com.rapport.customer.organisation;

/** Whether the supplier still does business with the organisation; inactive ones are kept for their history. */
public enum OrganisationStatus {
	ACTIVE, INACTIVE
}
