package com.rapport.benchmarks.harness;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingTests {

	@Test
	void percentilesAreNearestRank() {
		long[] oneToTen = LongStream.rangeClosed(1, 10).toArray();
		assertThat(Recording.percentile(oneToTen, 50)).isEqualTo(5);
		assertThat(Recording.percentile(oneToTen, 95)).isEqualTo(10);
		assertThat(Recording.percentile(oneToTen, 10)).isEqualTo(1);
		assertThat(Recording.percentile(oneToTen, 100)).isEqualTo(10);

		long[] oneToThousand = LongStream.rangeClosed(1, 1000).toArray();
		assertThat(Recording.percentile(oneToThousand, 95)).isEqualTo(950);
		assertThat(Recording.percentile(oneToThousand, 99)).isEqualTo(990);
		assertThat(Recording.percentile(new long[] { 7 }, 99)).isEqualTo(7);
		assertThat(Recording.percentile(new long[0], 50)).isEqualTo(-1);
	}

	@Test
	void errorsAreCountedButLeftOutOfTheLatencies() {
		Recording recording = new Recording("search-page");
		for (int ms = 1; ms <= 100; ms++) {
			recording.record("email", ms * 1_000_000L, null);
		}
		recording.record("email", 30_000_000_000L, "HttpTimeoutException");
		recording.record("phone", 5_000_000L, "HTTP 503");

		Recording.Summary summary = recording.summary();

		assertThat(summary.count()).isEqualTo(102);
		assertThat(summary.errors()).isEqualTo(2);
		assertThat(summary.errorsByReason()).containsEntry("HTTP 503", 1).containsEntry("HttpTimeoutException", 1);
		assertThat(summary.p50Ms()).isEqualTo(50.0);
		assertThat(summary.p95Ms()).isEqualTo(95.0);
		assertThat(summary.maxMs()).isEqualTo(100.0);
		assertThat(summary.breakdown()).extracting(Recording.Summary::name).containsExactly("email", "phone");
		assertThat(summary.breakdown().get(1).p50Ms()).as("no call succeeded").isNull();
	}

	@Test
	void millisecondsKeepOneDecimal() {
		Recording recording = new Recording("rest-search");
		recording.record(null, 12_345_678L, null);
		assertThat(recording.summary().p99Ms()).isEqualTo(12.3);
	}

	@Test
	void theRateIsTheSuccessfulCallsASecondOfWallClock() {
		Recording recording = new Recording("order-create-c4");
		for (int i = 0; i < 40; i++) {
			recording.record(null, 80_000_000L, null);
		}
		recording.record(null, 80_000_000L, "HTTP 503");
		recording.elapsed(2_000_000_000L);
		assertThat(recording.summary().perSecond()).isEqualTo(20.0);
		assertThat(new Recording("untimed").summary().perSecond()).isNull();
	}
}
