package com.rapport.support.error;

/**
 * The record does not exist, or the caller may not know that it exists: both answer the same, so that
 * another organisation's ids cannot be probed. {@link #reason()} says which as a message code when the
 * thrower gave one.
 */
public class NotFoundException extends RuntimeException {

	private final Message reason;

	private NotFoundException(String words) {
		super(words);
		this.reason = null;
	}

	public NotFoundException(Message reason) {
		super(reason.toString());
		this.reason = reason;
	}

	/**
	 * A refusal that reached this service in words only, without a code (another system's, over gRPC). Never for
	 * a refusal of our own: that names a {@link Message}, so that the reader reads it in their language
	 * ({@code UserTextsTests} fails on a call from anywhere but the gRPC client side).
	 */
	public static NotFoundException withoutCode(String words) {
		return new NotFoundException(words);
	}

	/** Why, as a code; null for a refusal that came {@link #withoutCode without one}. */
	public Message reason() {
		return reason;
	}
}
