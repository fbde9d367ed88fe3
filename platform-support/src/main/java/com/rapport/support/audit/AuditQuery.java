package com.rapport.support.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rapport.support.error.UnprocessableException;

/**
 * Which entries to list, newest first: each filter given must match ({@code actionPrefix} the start of the
 * action), {@code from} inclusive, {@code to} exclusive. {@code pageSize} 0 means {@value #DEFAULT_PAGE_SIZE},
 * more than {@value #MAX_PAGE_SIZE} means {@value #MAX_PAGE_SIZE}; {@code before}, when given, continues below
 * that sequence number (the last one of the previous page).
 */
public record AuditQuery(String actor, String actionPrefix, String recordType, String recordId,
		String organisationId, Instant from, Instant to, int pageSize, Long before) {

	public static final int DEFAULT_PAGE_SIZE = 50;

	public static final int MAX_PAGE_SIZE = 200;

	public AuditQuery {
		Map<String, String> errors = new LinkedHashMap<>();
		if (pageSize < 0) {
			errors.put("page_size", "must not be negative");
		}
		if (from != null && to != null && from.isAfter(to)) {
			errors.put("to", "must not be before from");
		}
		if (!errors.isEmpty()) {
			throw new UnprocessableException("Invalid audit trail filter.", errors);
		}
		pageSize = pageSize == 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
	}

	/** The newest entries, unfiltered. */
	public static AuditQuery newest(int pageSize) {
		return new AuditQuery(null, null, null, null, null, null, null, pageSize, null);
	}
}
