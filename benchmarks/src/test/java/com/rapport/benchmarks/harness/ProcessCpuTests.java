package com.rapport.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTests {

	@Test
	void userAndSystemTicksBecomeMillisecondsEvenWhenTheCommandNameHoldsSpacesAndParentheses() {
		String stat = "4242 (java (gateway) x) S 1 4242 4242 0 -1 4194560 51234 0 12 0 1234 567 0 0 20 0 61 0 "
				+ "8812345 3456789012 123456 18446744073709551615 1 1 0 0 0 0 0 4096 17663";

		assertThat(ProcessCpu.parseStat(stat)).isEqualTo((1234 + 567) * 10L);
	}

	@Test
	void thisProcessSpendsCpuBetweenTwoSnapshotsAndAGoneProcessIsLeftOut(@TempDir Path runDir) throws Exception {
		Files.createDirectories(runDir.resolve("pids"));
		Files.writeString(runDir.resolve("pids/harness.pid"), Long.toString(ProcessHandle.current().pid()));
		Files.writeString(runDir.resolve("pids/gone.pid"), "999999999");
		ProcessCpu cpu = new ProcessCpu(runDir);

		Map<String, Long> before = cpu.snapshot();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long until = threads.getCurrentThreadCpuTime() + 200_000_000L;
		double sink = 0;
		while (threads.getCurrentThreadCpuTime() < until) {
			sink += Math.sqrt(sink + 1);
		}
		Map<String, Long> spent = ProcessCpu.between(before, cpu.snapshot());

		assertThat(sink).isPositive();
		assertThat(spent).containsOnlyKeys("harness");
		assertThat(spent.get("harness")).isGreaterThanOrEqualTo(180);
	}

	@Test
	void perCallTakesEachProcesssBackgroundOffAndNeverGoesBelowZero() {
		Map<String, Long> spent = Map.of("gateway", 3000L, "customer-service", 500L);
		Map<String, Double> background = Map.of("gateway", 10.0, "customer-service", 60.0);

		Map<String, Double> perCall = ProcessCpu.perCall(spent, background, 10.0, 100);

		assertThat(perCall).containsEntry("gateway", 29.0).containsEntry("customer-service", 0.0);
		assertThat(ProcessCpu.perSecond(Map.of("gateway", 250L), 2.5)).containsEntry("gateway", 100.0);
	}
}
