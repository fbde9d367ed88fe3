package com.rapport.customer.growth;

import java.util.List;

/**
 * One reason of a churn risk, as a message code with its values (codes {@code growth.risk.*} in
 * contracts' {@code codes*.properties}), and the points it adds to the score.
 */
public record RiskReason(String code, List<String> args, int points) {

	public RiskReason {
		args = args == null ? List.of() : List.copyOf(args);
	}
}
