package com.rapport.benchmarks.harness;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Times one kind of request: a warm-up that is not counted, then the measured calls, one after the other or from
 * {@code concurrency} threads at once (each taking the next call number until all are done), each after the call's
 * think time if it has one. Only sending the request and reading the whole answer is timed; thinking and checking
 * it are not.
 */
public final class Load {

	private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

	private Load() {
	}

	/** How many calls, and how many at once. */
	public record Settings(int warmup, int requests, int concurrency) {
	}

	/** One kind of request; {@code index} numbers the calls, so that a scenario can vary them reproducibly. */
	public interface Call {

		HttpResponse<String> send(int index);

		/** Why the answer is a failure, or {@code null}; by default anything but {@code 200} is. */
		default String check(int index, HttpResponse<String> response) {
			return response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
		}

		/** The breakdown this call is counted in as well (such as the kind of search term), or {@code null}. */
		default String group(int index) {
			return null;
		}

		/**
		 * How long the caller waits before sending, not timed: a person's think time between two pages. By
		 * default none (calls back to back).
		 */
		default long thinkMillis(int index) {
			return 0;
		}
	}

	static Recording measure(String name, Settings settings, Call call, PrintStream out) {
		out.printf("  %-12s warm-up %d, then %d measured (%s)%n", name, settings.warmup(), settings.requests(),
				settings.concurrency() == 1 ? "one at a time" : settings.concurrency() + " at once");
		run(new Recording(name), 0, settings.warmup(), settings.concurrency(), call, null);
		Recording recording = new Recording(name);
		long started = System.nanoTime();
		run(recording, settings.warmup(), settings.requests(), settings.concurrency(), call, out);
		recording.elapsed(System.nanoTime() - started);
		return recording;
	}

	private static void run(Recording recording, int first, int count, int concurrency, Call call, PrintStream out) {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		long started = System.nanoTime();
		long[] lastProgress = { started };
		Runnable worker = () -> {
			for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
				int index = first + n;
				long think = call.thinkMillis(index);
				if (think > 0) {
					Http.sleep(think);
				}
				long t0 = System.nanoTime();
				String error;
				try {
					HttpResponse<String> response = call.send(index);
					long nanos = System.nanoTime() - t0;
					error = call.check(index, response);
					recording.record(call.group(index), nanos, error);
				}
				catch (RuntimeException ex) {
					// no answer (refused, timed out) or an unreadable one: a failure named by its kind
					Throwable cause = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
					recording.record(call.group(index), System.nanoTime() - t0, cause.getClass().getSimpleName());
				}
				int finished = done.incrementAndGet();
				if (out != null) {
					progress(out, recording.name(), finished, count, lastProgress);
				}
			}
		};
		if (concurrency == 1) {
			worker.run();
			return;
		}
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < concurrency; t++) {
				futures.add(pool.submit(worker));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void progress(PrintStream out, String name, int finished, int count, long[] lastProgress) {
		synchronized (lastProgress) {
			long now = System.nanoTime();
			if (now - lastProgress[0] >= PROGRESS_EVERY_NANOS && finished < count) {
				lastProgress[0] = now;
				out.printf("  %-12s %d/%d%n", name, finished, count);
			}
		}
	}
}
