package com.rapport.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * A limit on a request's p95 ({@code --budget-p95-ms 800} for every request, {@code --budget-p95-ms
 * search-page=300} for one; repeatable, the one naming the request wins). A request over its budget, or with any
 * failed call, fails the run (exit code 3), so that CI can hold a scenario to its numbers.
 */
public record Budget(String request, double p95Ms) {

	static List<Budget> parse(List<String> values) {
		List<Budget> budgets = new ArrayList<>();
		for (String value : values) {
			int equals = value.indexOf('=');
			String request = equals < 0 ? null : value.substring(0, equals).strip();
			String limit = equals < 0 ? value : value.substring(equals + 1);
			try {
				double p95 = Double.parseDouble(limit.strip());
				if (p95 <= 0 || (request != null && request.isEmpty())) {
					throw new NumberFormatException();
				}
				budgets.add(new Budget(request, p95));
			}
			catch (NumberFormatException ex) {
				throw new Options.UsageException(
						"--budget-p95-ms takes milliseconds, or <request>=<milliseconds>, not '" + value + "'");
			}
		}
		return budgets;
	}

	/** How one measured request fared against its budget. */
	public record Verdict(String request, Double p95Ms, double budgetP95Ms, int errors, boolean passed) {
	}

	/** The verdicts for every request a budget applies to; a budget naming no measured request is an error. */
	static List<Verdict> check(List<Budget> budgets, List<Recording.Summary> summaries) {
		for (Budget budget : budgets) {
			if (budget.request() != null && summaries.stream().noneMatch(s -> s.name().equals(budget.request()))) {
				throw new Options.UsageException("--budget-p95-ms names '" + budget.request()
						+ "', which this scenario does not measure (it measures "
						+ String.join(", ", summaries.stream().map(Recording.Summary::name).toList()) + ")");
			}
		}
		List<Verdict> verdicts = new ArrayList<>();
		for (Recording.Summary summary : summaries) {
			Budget applying = null;
			for (Budget budget : budgets) {
				if (summary.name().equals(budget.request()) || (budget.request() == null && applying == null)) {
					applying = budget;
				}
			}
			if (applying != null) {
				boolean passed = summary.errors() == 0 && summary.p95Ms() != null
						&& summary.p95Ms() <= applying.p95Ms();
				verdicts.add(new Verdict(summary.name(), summary.p95Ms(), applying.p95Ms(), summary.errors(), passed));
			}
		}
		return verdicts;
	}
}
