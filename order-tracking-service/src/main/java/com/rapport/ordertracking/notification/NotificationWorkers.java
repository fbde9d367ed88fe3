package com.rapport.ordertracking.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads on which one replica fans out changes and sends notifications, {@code rapport.notifications.senders}
 * at once: each waits for its own store writes and its own mail server, so their writes share the store's commits
 * (one sync for all who wait) and a slow mail holds up only its own thread. Work is still claimed one item at a time
 * by a conditional write, so running it at once here is as safe as on two replicas.
 */
@Component
class NotificationWorkers implements DisposableBean {

	private final int size;

	private final ExecutorService pool;

	NotificationWorkers(NotificationProperties properties) {
		this.size = properties.senders();
		AtomicInteger made = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(size, runnable -> {
			Thread thread = new Thread(runnable, "notification-worker-" + made.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** How many run at once. */
	int size() {
		return size;
	}

	/** Runs every task, {@link #size()} at once, and returns when all are done; a task's failure is rethrown. */
	void runAll(List<? extends Runnable> tasks) {
		if (tasks.size() <= 1) {
			tasks.forEach(Runnable::run);
			return;
		}
		List<Future<?>> running = new ArrayList<>(tasks.size());
		tasks.forEach(task -> running.add(pool.submit(task)));
		RuntimeException failed = null;
		for (Future<?> each : running) {
			try {
				each.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running.forEach(f -> f.cancel(true));
				throw new IllegalStateException("Interrupted while notifications were sent", ex);
			}
			catch (ExecutionException ex) {
				if (failed == null) {
					failed = ex.getCause() instanceof RuntimeException runtime ? runtime
							: new IllegalStateException(ex.getCause());
				}
			}
		}
		if (failed != null) {
			throw failed;
		}
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}
}
