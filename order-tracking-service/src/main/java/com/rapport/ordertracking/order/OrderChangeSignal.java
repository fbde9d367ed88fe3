package com.rapport.ordertracking.order;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Tells this replica's notification round that an order change with news for the contacts was just written, so that
 * it starts at once instead of at its next interval (changes written on other replicas are found by the interval).
 * A counter: a round remembers the count it started from and waits only while nothing new was written since.
 */
@Component
public class OrderChangeSignal {

	private long written;

	/** An order change with news for the contacts was written. */
	public synchronized void changed() {
		written++;
		notifyAll();
	}

	/** How many were written so far: what a round starts from. */
	public synchronized long current() {
		return written;
	}

	/** Waits until something is written after {@code seen}, at most {@code most}; false when nothing was. */
	public synchronized boolean awaitAfter(long seen, Duration most) throws InterruptedException {
		long until = System.nanoTime() + most.toNanos();
		while (written == seen) {
			long left = until - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			wait(Math.max(1, left / 1_000_000));
		}
		return true;
	}
}
