package com.rapport.feedback.score;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How figures are counted ({@code rapport.feedback.*}).
 *
 * @param window how far back answers count for the figures (90 days unless set); the latest answers are
 *               shown however old they are
 */
@ConfigurationProperties("rapport.feedback")
public record ScoreProperties(Duration window) {

	public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

	public ScoreProperties {
		window = window == null ? DEFAULT_WINDOW : window;
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("rapport.feedback.window must be positive, not " + window);
		}
	}
}
