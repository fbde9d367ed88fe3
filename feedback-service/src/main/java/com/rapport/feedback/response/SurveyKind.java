package com.rapport.feedback.response;

/** The three surveys and their scales (DOMAIN.md). */
public enum SurveyKind {

	/** Customer satisfaction, 1 to 5; 4 and 5 are satisfied. */
	CSAT(1, 5),
	/** Net promoter score, 0 to 10: 9 and 10 promoters, 7 and 8 passives, 0 to 6 detractors. */
	NPS(0, 10),
	/** Customer effort score, 1 to 7, 7 the easiest; 5 to 7 count as easy. */
	CES(1, 7);

	private final int min;

	private final int max;

	SurveyKind(int min, int max) {
		this.min = min;
		this.max = max;
	}

	public int min() {
		return min;
	}

	public int max() {
		return max;
	}

	public boolean accepts(int score) {
		return score >= min && score <= max;
	}
}
