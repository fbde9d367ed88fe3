package com.rapport.customer.care;

/** What a greeting is for. */
public enum Occasion {
	/** The contact's birthday (a February 29 birthday falls on February 28 in other years). */
	BIRTHDAY,
	/** A day of the holiday calendar that applies to the contact's organisation's country. */
	HOLIDAY
}
