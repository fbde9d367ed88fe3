package com.rapport.feedback.response;

import com.rapport.feedback.sentiment.Sentiment;

/**
 * Which answers open a follow-up ticket, as managers set them (survey settings): a CSAT below {@code csatBelow}
 * (1: none), an NPS of {@code npsAtMost} or less ({@code -1}: none; 6 is every detractor), and, with
 * {@code onComments}, any answer whose comment reads negative or urgent whatever its score.
 */
public record FollowUpRules(int csatBelow, int npsAtMost, boolean onComments) {

	/** The NPS threshold that asks for no follow-up at all. */
	public static final int NO_NPS = -1;

	/** The rule that asks for a follow-up of this score, or null when none does. */
	String byScore(SurveyKind kind, int score) {
		return switch (kind) {
			case CSAT -> score < csatBelow ? "CSAT below " + csatBelow : null;
			case NPS -> score <= npsAtMost ? "NPS of " + npsAtMost + " or less (detractor)" : null;
			default -> null;
		};
	}

	/** The rule that asks for a follow-up of this comment, or null when none does. */
	String byComment(Sentiment sentiment) {
		if (!onComments || sentiment == null || !sentiment.unhappyOrUrgent()) {
			return null;
		}
		String what = sentiment.polarity() == Sentiment.Polarity.NEGATIVE
				? (sentiment.urgent() ? "comment reads negative and urgent" : "comment reads negative")
				: "comment asks for haste";
		return what + ": " + String.join(", ", sentiment.cues());
	}
}
