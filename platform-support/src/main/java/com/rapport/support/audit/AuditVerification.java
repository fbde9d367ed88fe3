package com.rapport.support.audit;

/**
 * What checking the chain found: {@code intact}, or the first bad entry ({@code firstBadSequence}, 0 when
 * intact or when no single entry is to blame) with a {@link Finding} and an English {@code reason}, such as
 * "entry 17 was changed". {@code entriesChecked} counts the entries read up to there.
 */
public record AuditVerification(boolean intact, long entriesChecked, long firstBadSequence, Finding finding,
		String reason) {

	public enum Finding {

		/** Nothing wrong. */
		NONE,
		/** An entry's fields no longer match its hash, or the next entry no longer links to it. */
		ENTRY_CHANGED,
		/** A sequence number is missing below the newest entry. */
		ENTRY_MISSING,
		/** The head remembers a newer entry than the trail holds. */
		NEWEST_REMOVED,
		/** The trail has more than one entry but no head. */
		HEAD_MISSING
	}

	static AuditVerification intact(long entries) {
		return new AuditVerification(true, entries, 0, Finding.NONE,
				entries == 0 ? "the trail is empty" : entries == 1 ? "the one entry is intact"
						: "all " + entries + " entries are intact");
	}

	static AuditVerification broken(long entriesChecked, long firstBadSequence, Finding finding, String reason) {
		return new AuditVerification(false, entriesChecked, firstBadSequence, finding, reason);
	}
}
