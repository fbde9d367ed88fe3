package com.rapport.feedback.segment;

import java.util.List;
import java.util.Optional;

/** customer-service's organisations, read for their segments. */
public interface SegmentDirectory {

	record Organisation(String id, Segment segment) {
	}

	/** A page of organisations in customer-service's keyset order; {@code next} empty after the last. */
	record Page(List<Organisation> organisations, String next) {
	}

	/** The page after {@code token} (empty: the first); throws {@code RemoteUnavailableException} when it cannot be asked. */
	Page page(String token);

	/**
	 * One organisation's segment, asked within a short deadline; empty when customer-service knows no such
	 * organisation. Throws when it cannot be asked (down, slow, refusing).
	 */
	Optional<Segment> lookup(String organisationId);
}
