package com.rapport.ordertracking.order;

import java.util.function.Supplier;

/**
 * Marks a partner write whose answer is kept by a synced write right after it on the same thread (the
 * {@code Idempotency-Key}'s kept answer, {@code IdempotentRequests}): {@link OrderWrites} then writes the order
 * without waiting for the store's sync, since that synced write commits it too before the partner hears anything. A
 * crash before it loses both, and the partner's retry runs as the first did; a crash after the order's write reached
 * the disk by another writer's commit but before the answer's is the window there was before (the event id or the
 * same change again changes nothing). The request waits for one sync, the answer's, instead of two.
 */
public final class SyncFollows {

	private static final ThreadLocal<Boolean> FOLLOWS = new ThreadLocal<>();

	private SyncFollows() {
	}

	/** Runs {@code write} on this thread knowing a synced write follows it. */
	public static <T> T around(Supplier<T> write) {
		Boolean before = FOLLOWS.get();
		FOLLOWS.set(Boolean.TRUE);
		try {
			return write.get();
		}
		finally {
			if (before == null) {
				FOLLOWS.remove();
			}
			else {
				FOLLOWS.set(before);
			}
		}
	}

	static boolean now() {
		return Boolean.TRUE.equals(FOLLOWS.get());
	}
}
