package com.rapport.benchmarks.writes;

import org.junit.jupiter.api.Test;

import com.rapport.benchmarks.harness.Options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WritesTests {

	@Test
	void concurrencyLevelsAreAListOfThreadCounts() {
		assertThat(Writes.levels("1,4,16")).containsExactly(1, 4, 16);
		assertThat(Writes.levels(" 8 ")).containsExactly(8);
		assertThatThrownBy(() -> Writes.levels("1,four")).isInstanceOf(Options.UsageException.class);
		assertThatThrownBy(() -> Writes.levels("0")).isInstanceOf(Options.UsageException.class);
	}
}
