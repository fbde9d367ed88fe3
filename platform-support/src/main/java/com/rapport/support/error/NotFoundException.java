package com.rapport.support.error;

/**
 * The record does not exist, or the caller may not know that it exists: both answer the same, so that
 * another organisation's ids cannot be probed.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}
}
