package com.rapport.feedback.response;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The follow-up settings of the service ({@code rapport.feedback.follow-up.*}): the rules in force until a manager
 * sets others in the survey settings — a CSAT below {@code csatBelow} (3: a 1 or a 2), an NPS of
 * {@code npsAtMost} or less (6: every detractor), a negative or urgent comment ({@code onComments}, true) — and
 * {@code commentWait}, how long a follow-up waits for the comment the thank-you page offers before it goes
 * without one; a comment given sooner sends it at once.
 */
@ConfigurationProperties("rapport.feedback.follow-up")
public record FollowUpPolicy(Integer csatBelow, Integer npsAtMost, Boolean onComments, Duration commentWait) {

	public static final FollowUpPolicy DEFAULTS = new FollowUpPolicy(null, null, null, null);

	public FollowUpPolicy {
		csatBelow = csatBelow == null ? 3 : csatBelow;
		npsAtMost = npsAtMost == null ? 6 : npsAtMost;
		onComments = onComments == null || onComments;
		commentWait = commentWait == null ? Duration.ofMinutes(10) : commentWait;
	}

	/** The rules in force until a manager saves others. */
	public FollowUpRules defaults() {
		return new FollowUpRules(csatBelow, npsAtMost, onComments);
	}
}
