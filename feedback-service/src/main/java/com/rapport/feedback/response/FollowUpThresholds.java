package com.rapport.feedback.response;

/** Where the follow-up rules in force come from (the managers' survey settings). */
@FunctionalInterface
public interface FollowUpThresholds {

	FollowUpRules rules();
}
