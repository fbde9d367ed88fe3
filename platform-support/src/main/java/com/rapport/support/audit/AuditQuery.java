package com.rapport.support.audit;

import java.time.Instant;
import java.util.LinkedHashMap;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;

import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

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
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "auditQuery");
		if (pageSize < 0) {
			errors.rejectValue("page_size", "field.not-negative");
		}
		if (from != null && to != null && from.isAfter(to)) {
			errors.rejectValue("to", "audit.to-before-from");
		}
		UnprocessableException.throwIfAny(Message.of("audit.filter-invalid"), errors);
		pageSize = pageSize == 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
	}

	/** The newest entries, unfiltered. */
	public static AuditQuery newest(int pageSize) {
		return new AuditQuery(null, null, null, null, null, null, null, pageSize, null);
	}
}
