package com.rapport.customer.growth;

/** How managers cut the organisations' value: by tier in force, industry, region or first-purchase year. */
public enum ValueSegment {
	TIER, INDUSTRY, REGION, COHORT
}
