package com.rapport.support.test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Tests that need "now" to stand still import this: {@link #NOW} is 30 November 2026, 18:00 in Shanghai. */
@TestConfiguration
public class FixedClock {

	public static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

	public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	@Bean
	@Primary
	Clock fixedClock() {
		return CLOCK;
	}
}
