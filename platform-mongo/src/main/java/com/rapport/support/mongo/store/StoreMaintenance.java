package com.rapport.support.mongo.store;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's background work, on one daemon thread: the TTL sweep (documents of TTL indexes past their time,
 * which the store does not expire on its own) every {@code sweepInterval}, and a compaction round every
 * {@code compactInterval}. A failed round is logged and the next one runs as planned.
 */
public final class StoreMaintenance {

	private static final Logger log = LoggerFactory.getLogger(StoreMaintenance.class);

	private StoreMaintenance() {
	}

	/** Starts it for {@code store}; shut the answer down to stop it. */
	public static ScheduledExecutorService start(StoreBackend store, Duration sweepInterval, Duration compactInterval) {
		ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "embedded-mongo-sweeper");
			thread.setDaemon(true);
			return thread;
		});
		every(sweeper, sweepInterval, "TTL sweep", () -> {
			int removed = store.expireDocuments(Instant.now());
			if (removed > 0) {
				log.debug("Removed {} expired documents", removed);
			}
		});
		every(sweeper, compactInterval, "compaction", store::compact);
		return sweeper;
	}

	private static void every(ScheduledExecutorService executor, Duration period, String what, Runnable work) {
		long interval = Math.max(1, period.toMillis());
		executor.scheduleWithFixedDelay(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				log.warn("The embedded store's {} failed; it runs again in {} ms", what, interval, ex);
			}
		}, interval, interval, TimeUnit.MILLISECONDS);
	}
}
