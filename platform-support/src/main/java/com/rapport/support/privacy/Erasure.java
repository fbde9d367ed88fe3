package com.rapport.support.privacy;

/**
 * What an erasure did: records removed outright, and records the business keeps (an order, a timeline
 * entry) with the person taken out of them.
 */
public record Erasure(int deleted, int anonymised) {

	public static final Erasure NOTHING = new Erasure(0, 0);

	public Erasure plus(Erasure other) {
		return new Erasure(deleted + other.deleted, anonymised + other.anonymised);
	}

	public int total() {
		return deleted + anonymised;
	}
}
