package com.rapport.ordertracking;

import java.time.Clock;
import java.time.Instant;

import com.rapport.support.test.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The service's clock in tests that move time themselves (backoff waits, failing windows): {@link #CLOCK}. */
@TestConfiguration(proxyBeanMethods = false)
public class MovingClock {

	public static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

	public static final MutableClock CLOCK = new MutableClock(START);

	@Bean
	@Primary
	Clock movingClock() {
		return CLOCK;
	}
}
