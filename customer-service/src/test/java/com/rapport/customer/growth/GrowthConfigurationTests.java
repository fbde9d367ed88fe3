package com.rapport.customer.growth;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a signal's recompute runs: off the recording thread in production, in it for the module's tests. */
class GrowthConfigurationTests {

	@Test
	void signalsRunOnTheirOwnThreadAndStopWithTheContext() throws Exception {
		GrowthConfiguration.SignalRunner runner = new GrowthConfiguration().growthSignals(true);
		CompletableFuture<String> ranOn = new CompletableFuture<>();

		runner.run(() -> ranOn.complete(Thread.currentThread().getName()));

		assertThat(ranOn.get(5, TimeUnit.SECONDS)).isEqualTo("growth-signals");
		runner.destroy();
		assertThat(runner.owned().isShutdown()).isTrue();
	}

	@Test
	void withoutAsyncSignalsTheRecordingThreadRunsThem() {
		GrowthConfiguration.SignalRunner runner = new GrowthConfiguration().growthSignals(false);
		String[] ranOn = new String[1];

		runner.run(() -> ranOn[0] = Thread.currentThread().getName());

		assertThat(ranOn[0]).isEqualTo(Thread.currentThread().getName());
		runner.destroy();
	}
}
