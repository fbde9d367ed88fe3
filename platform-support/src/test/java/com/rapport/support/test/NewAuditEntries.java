package com.rapport.support.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.rapport.support.audit.AuditEntry;
import com.rapport.support.audit.AuditEvent;
import com.rapport.support.audit.AuditQuery;
import com.rapport.support.audit.MongoAuditTrail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit entries a test's calls appended: mark the trail before, read what came after. The trail is
 * append-only, so tests sharing a store do not clear it (and a cleared trail would fail verification).
 */
public final class NewAuditEntries {

	private final MongoAuditTrail trail;

	private final long since;

	private NewAuditEntries(MongoAuditTrail trail, long since) {
		this.trail = trail;
		this.since = since;
	}

	/** Marks the trail as it is now. */
	public static NewAuditEntries since(MongoAuditTrail trail) {
		List<AuditEntry> newest = trail.list(AuditQuery.newest(1)).entries();
		return new NewAuditEntries(trail, newest.isEmpty() ? 0 : newest.get(0).sequence());
	}

	/** The events appended since the mark, oldest first. */
	public List<AuditEvent> events() {
		List<AuditEvent> events = new ArrayList<>();
		for (AuditEntry entry : trail.list(AuditQuery.newest(AuditQuery.MAX_PAGE_SIZE)).entries()) {
			if (entry.sequence() > since) {
				events.add(entry.event());
			}
		}
		Collections.reverse(events);
		return events;
	}

	/** The one event appended since the mark. */
	public AuditEvent single() {
		List<AuditEvent> events = events();
		assertThat(events).as("audit events appended").hasSize(1);
		return events.get(0);
	}
}
