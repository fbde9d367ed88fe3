package com.rapport.support.error;

/**
 * The record does not exist, or the caller may not know that it exists: both answer the same, so that
 * another organisation's ids cannot be probed. {@link #reason()} says which as a message code when the
 * thrower gave one.
 */
public class NotFoundException extends RuntimeException {

	private final Message reason;

	public NotFoundException(String message) {
		super(message);
		this.reason = null;
	}

	public NotFoundException(Message reason) {
		super(reason.toString());
		this.reason = reason;
	}

	/** Why, as a code; null when the thrower gave words only. */
	public Message reason() {
		return reason;
	}
}
