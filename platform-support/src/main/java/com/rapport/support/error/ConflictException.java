package com.rapport.support.error;

/**
 * The request clashes with the current state of a record (a duplicate, a stale version). {@link #reason()}
 * says why as a message code when the thrower gave one.
 */
public class ConflictException extends RuntimeException {

	private final Message reason;

	public ConflictException(String message) {
		super(message);
		this.reason = null;
	}

	public ConflictException(Message reason) {
		super(reason.toString());
		this.reason = reason;
	}

	/** Why, as a code; null when the thrower gave words only. */
	public Message reason() {
		return reason;
	}
}
