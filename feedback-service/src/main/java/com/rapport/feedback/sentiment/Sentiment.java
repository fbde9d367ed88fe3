package com.rapport.feedback.sentiment;

import java.util.List;

/**
 * What a comment says about how the contact feels: its polarity, whether it asks for haste, and the words that
 * decided both ({@code cues}, such as {@code "not satisfied"} or {@code "urgent: asap"}), so a person sees why.
 */
public record Sentiment(Polarity polarity, boolean urgent, List<String> cues) {

	public static final Sentiment NONE = new Sentiment(Polarity.NEUTRAL, false, List.of());

	public Sentiment {
		cues = cues == null ? List.of() : List.copyOf(cues);
	}

	/** Whether someone should act on it: negative or urgent. */
	public boolean unhappyOrUrgent() {
		return polarity == Polarity.NEGATIVE || urgent;
	}

	public enum Polarity {

		NEGATIVE, NEUTRAL, POSITIVE

	}
}
