package com.rapport.customer.organisation;

/** Head count of an organisation, in the bands sales and service plan with. */
public enum SizeBand {
	/** 1 to 9 people. */
	MICRO,
	/** 10 to 49. */
	SMALL,
	/** 50 to 249. */
	MEDIUM,
	/** 250 to 999. */
	LARGE,
	/** 1,000 and more. */
	ENTERPRISE
}
