package com.rapport.feedback.response;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which answers open a follow-up ticket ({@code rapport.feedback.follow-up.*}): a CSAT below {@code csatBelow}
 * (3: a 1 or a 2). {@code commentWait} is how long the follow-up waits for the comment the thank-you page offers
 * before it goes without one; a comment given sooner sends it at once.
 */
@ConfigurationProperties("rapport.feedback.follow-up")
public record FollowUpPolicy(Integer csatBelow, Duration commentWait) {

	public static final FollowUpPolicy DEFAULTS = new FollowUpPolicy(null, null);

	public FollowUpPolicy {
		csatBelow = csatBelow == null ? 3 : csatBelow;
		commentWait = commentWait == null ? Duration.ofMinutes(10) : commentWait;
	}

	boolean owed(SurveyKind kind, int score) {
		return kind == SurveyKind.CSAT && score < csatBelow;
	}
}
