package com.rapport.support.error;

import java.util.Map;

/**
 * Well-formed input that breaks a rule of the domain, such as an order for an organisation that does not
 * exist. {@code fieldErrors} names each offending field with a message for the user.
 */
public class UnprocessableException extends RuntimeException {

	private final Map<String, String> fieldErrors;

	public UnprocessableException(String message, Map<String, String> fieldErrors) {
		super(message);
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}
}
