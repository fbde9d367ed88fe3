package com.rapport.benchmarks.harness;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTests {

	@Test
	void readsValuesFlagsAndRepeats() {
		Options options = Options.parse(List.of("--organisations", "20_000", "--seed-only", "--budget-p95-ms", "500",
				"--budget-p95-ms=search-page=300"));

		assertThat(options.integer("organisations", 1, 1)).isEqualTo(20_000);
		assertThat(options.flag("seed-only")).isTrue();
		assertThat(options.flag("up")).isFalse();
		assertThat(options.all("budget-p95-ms")).containsExactly("500", "search-page=300");
		assertThat(options.string("base-url", "http://localhost:8080")).isEqualTo("http://localhost:8080");
		options.requireAllUsed();
	}

	@Test
	void aMisspeltOptionIsReportedNotIgnored() {
		Options options = Options.parse(List.of("--organisation", "5"));
		options.integer("organisations", 100_000, 1);

		assertThatThrownBy(options::requireAllUsed).isInstanceOf(Options.UsageException.class)
			.hasMessageContaining("--organisation");
	}

	@Test
	void badValuesAreUsageErrors() {
		assertThatThrownBy(() -> Options.parse(List.of("--requests", "many")).integer("requests", 1, 1))
			.isInstanceOf(Options.UsageException.class);
		assertThatThrownBy(() -> Options.parse(List.of("--requests", "0")).integer("requests", 1, 1))
			.isInstanceOf(Options.UsageException.class);
		assertThatThrownBy(() -> Options.parse(List.of("--seed-batch", "501")).integer("seed-batch", 200, 0, 500))
			.isInstanceOf(Options.UsageException.class).hasMessage("--seed-batch must be at most 500, not 501");
		assertThat(Options.parse(List.of("--seed-batch", "500")).integer("seed-batch", 200, 0, 500)).isEqualTo(500);
		assertThatThrownBy(() -> Options.parse(List.of("customer360"))).isInstanceOf(Options.UsageException.class);
	}
}
