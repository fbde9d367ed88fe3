package com.rapport.ordertracking.order;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The notification round wakes when a change is written, and only waits out its interval when none was. */
class OrderChangeSignalTests {

	private final OrderChangeSignal signal = new OrderChangeSignal();

	@Test
	void aRoundWaitingForWorkWakesAsSoonAsAChangeIsWritten() throws Exception {
		long seen = signal.current();
		CompletableFuture<Long> woke = CompletableFuture.supplyAsync(() -> {
			long started = System.nanoTime();
			try {
				assertThat(signal.awaitAfter(seen, Duration.ofSeconds(10))).isTrue();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		});
		Thread.sleep(100);
		signal.changed();
		assertThat(woke.get(5, TimeUnit.SECONDS)).as("woken, not timed out").isLessThan(5_000);
	}

	@Test
	void aChangeWrittenWhileTheRoundRanIsNotMissed() throws Exception {
		long seen = signal.current();
		signal.changed();
		long started = System.nanoTime();
		assertThat(signal.awaitAfter(seen, Duration.ofSeconds(10))).isTrue();
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1_000);
	}

	@Test
	void withNothingWrittenTheRoundWaitsItsIntervalOut() throws Exception {
		long started = System.nanoTime();
		assertThat(signal.awaitAfter(signal.current(), Duration.ofMillis(200))).isFalse();
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(190);
	}
}
