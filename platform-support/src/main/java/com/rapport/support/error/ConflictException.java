package com.rapport.support.error;

/**
 * The request clashes with the current state of a record (a duplicate, a stale version). {@link #reason()}
 * says why as a message code when the thrower gave one.
 */
public class ConflictException extends RuntimeException {

	private final Message reason;

	private ConflictException(String words) {
		super(words);
		this.reason = null;
	}

	public ConflictException(Message reason) {
		super(reason.toString());
		this.reason = reason;
	}

	/**
	 * A refusal that reached this service in words only, without a code (another system's, over gRPC). Never for
	 * a refusal of our own: that names a {@link Message}, so that the reader reads it in their language
	 * ({@code UserTextsTests} fails on a call from anywhere but the gRPC client side).
	 */
	public static ConflictException withoutCode(String words) {
		return new ConflictException(words);
	}

	/** Why, as a code; null for a refusal that came {@link #withoutCode without one}. */
	public Message reason() {
		return reason;
	}
}
