package com.rapport.feedback.response;

/** Where the contact gave the answer. */
public enum ResponseChannel {
	PORTAL, EMAIL, SMS, PHONE
}
