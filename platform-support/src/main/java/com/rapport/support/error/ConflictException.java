package com.rapport.support.error;

/** The request clashes with the current state of a record (a duplicate, a stale version). */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}
