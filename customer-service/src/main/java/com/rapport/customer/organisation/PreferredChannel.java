package com.rapport.customer.organisation;

/** How a contact wants to be reached by notifications and care messages. */
public enum PreferredChannel {
	EMAIL, SMS, PORTAL
}
