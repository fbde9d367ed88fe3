package com.rapport.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Shares this replica's request counts every {@code sync-interval} ({@link SharedBudgets#sync}) on one
 * background thread, and once a minute removes the windows that are past (the embedded store has no TTL
 * monitor). Stopping sends what is left, so a rolling restart gives no caller a fresh budget.
 */
class BudgetSync implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BudgetSync.class);

	private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

	private static final Duration STORE_WAIT = Duration.ofSeconds(5);

	private final SharedBudgets budgets;

	private final RateLimitCounters counters;

	private final RateLimitProperties properties;

	private final Clock clock;

	private volatile ScheduledExecutorService executor;

	BudgetSync(SharedBudgets budgets, RateLimitCounters counters, RateLimitProperties properties, Clock clock) {
		this.budgets = budgets;
		this.counters = counters;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "rate-limit-sync");
			thread.setDaemon(true);
			return thread;
		});
		long every = properties.syncInterval().toMillis();
		started.scheduleWithFixedDelay(this::syncOnce, every, every, TimeUnit.MILLISECONDS);
		started.scheduleWithFixedDelay(this::sweepOnce, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(),
				TimeUnit.MILLISECONDS);
		executor = started;
	}

	void syncOnce() {
		try {
			budgets.sync(clock.instant()).block(STORE_WAIT);
		}
		catch (RuntimeException ex) {
			log.warn("Request budgets not shared this time: {}", ex.toString());
		}
	}

	private void sweepOnce() {
		try {
			counters.removePast(clock.instant()).block(STORE_WAIT);
		}
		catch (RuntimeException ex) {
			log.info("Past request windows not removed this time: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = executor;
		executor = null;
		if (running != null) {
			running.shutdownNow();
			syncOnce();
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

	/** Stops after the web server (whose phases are higher), so the last requests are counted and sent. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}
}
