package com.rapport.support.audit;

import java.time.Instant;

/**
 * An event as the trail holds it: number {@code sequence} (1, 2, 3... without gaps), chained to the entry
 * before by {@code previousHash} (empty for the first) and sealed by {@code hash} (see {@link EntryHash}).
 */
public record AuditEntry(long sequence, AuditEvent event, String previousHash, String hash) {

	/** The entry that follows one whose hash is {@code previousHash}. */
	static AuditEntry chained(long sequence, AuditEvent event, String previousHash) {
		return new AuditEntry(sequence, event, previousHash, EntryHash.of(sequence, event, previousHash));
	}

	public Instant at() {
		return event.at();
	}

	/** Whether the hash still matches the fields: false once any of them was changed in the store. */
	boolean sealed() {
		return hash.equals(EntryHash.of(sequence, event, previousHash));
	}
}
