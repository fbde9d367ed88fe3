package com.rapport.support.audit;

import java.util.List;
import java.util.OptionalLong;

/** A page of entries, newest first, and the sequence number the next page continues below, if there is one. */
public record AuditPage(List<AuditEntry> entries, OptionalLong nextBefore) {

	public AuditPage {
		entries = List.copyOf(entries);
	}
}
