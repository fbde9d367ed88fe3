package com.rapport.benchmarks.harness;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpTests {

	@Test
	void retryAfterIsSecondsOrADate() {
		assertThat(Http.retryAfterMillis("7")).isEqualTo(7000);
		assertThat(Http.retryAfterMillis(null)).isEqualTo(1000);
		assertThat(Http.retryAfterMillis("soon")).isEqualTo(1000);
		String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
		assertThat(Http.retryAfterMillis(inTenSeconds)).isBetween(8000L, 10_000L);
	}
}
