package com.rapport.customer.growth;

import java.time.Instant;
import java.util.List;

/**
 * How likely an organisation is to drift away, 0 to 100, always with its reasons (never a bare number).
 *
 * @param score     the points of the reasons, at most 100
 * @param threshold the managers' threshold when it was computed: {@code score >= threshold} is at risk
 */
public record ChurnRisk(int score, int threshold, List<RiskReason> reasons, Instant computedAt) {

	public ChurnRisk {
		reasons = reasons == null ? List.of() : List.copyOf(reasons);
	}

	public boolean atRisk() {
		return score >= threshold;
	}
}
