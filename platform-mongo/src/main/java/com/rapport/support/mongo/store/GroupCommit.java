package com.rapport.support.mongo.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;

/**
 * Makes a write durable before it is answered, sharing one commit and one {@code fsync} among every writer
 * waiting at the time. Writers change the maps under the shared side of a lock and take a ticket there; the
 * writer that leads the next round takes the exclusive side while the MVStore commits (so a commit never
 * persists half of a write: a document without its index entries), then syncs the file outside it, and answers
 * every ticket up to the one it committed. The MVStore's own background commits are off, for the same reason.
 */
final class GroupCommit {

	private final MVStore store;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private final AtomicLong applied = new AtomicLong();

	private final AtomicLong commits = new AtomicLong();

	private final AtomicLong checkpoints = new AtomicLong();

	private long durable;

	private boolean committing;

	GroupCommit(MVStore store) {
		this.store = store;
	}

	/** Runs a change to the maps; its ticket for {@link #awaitDurable(long)} comes back with its result. */
	<T> Ticketed<T> write(Supplier<T> change) {
		lock.readLock().lock();
		try {
			T result = change.get();
			return new Ticketed<>(result, applied.incrementAndGet());
		}
		catch (RuntimeException ex) {
			// A refused write may still have changed something (a batch stops at its first bad document).
			applied.incrementAndGet();
			throw ex;
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** Returns once every change up to {@code ticket} is committed and on disk. */
	void awaitDurable(long ticket) {
		while (true) {
			synchronized (this) {
				while (durable < ticket && committing) {
					try {
						wait();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException("Interrupted while waiting for the store to sync", ex);
					}
				}
				if (durable >= ticket) {
					return;
				}
				committing = true;
			}
			long upTo = 0;
			boolean done = false;
			try {
				lock.writeLock().lock();
				try {
					upTo = applied.get();
					store.commit();
				}
				finally {
					lock.writeLock().unlock();
				}
				store.sync();
				commits.incrementAndGet();
				done = true;
			}
			finally {
				synchronized (this) {
					if (done) {
						durable = Math.max(durable, upTo);
					}
					committing = false;
					notifyAll();
				}
			}
		}
	}

	/**
	 * Commits (without a sync) when no write is half done, to write out the pages of a long change such as an
	 * index build that runs outside {@link #write}; gives up after a moment rather than wait for writers that may
	 * wait for the builder.
	 */
	void checkpoint() {
		try {
			if (lock.writeLock().tryLock(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
				try {
					store.commit();
					checkpoints.incrementAndGet();
				}
				finally {
					lock.writeLock().unlock();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Commits and syncs whatever has changed (background work, start-up). */
	void commitNow() {
		long ticket = write(() -> null).ticket();
		awaitDurable(ticket);
	}

	long commits() {
		return commits.get();
	}

	long checkpoints() {
		return checkpoints.get();
	}

	long writes() {
		return applied.get();
	}

	record Ticketed<T>(T result, long ticket) {
	}
}
