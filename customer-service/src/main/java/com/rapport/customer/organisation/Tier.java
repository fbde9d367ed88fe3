package com.rapport.customer.organisation;

/** Tiered care: decided from RFM data, overridable by a manager. */
public enum Tier {
	NORMAL, KEY, VIP
}
