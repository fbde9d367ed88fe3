package com.rapport.benchmarks.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The end of a run: the table on the terminal, the budgets' verdicts and the JSON result file. */
public final class Report {

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneId.systemDefault());

	private Report() {
	}

	/** Prints the table, writes the result file and answers whether every budget held. */
	static boolean finish(String scenario, Run run, Instant started, Path resultsDir) {
		PrintStream out = run.out();
		List<Recording.Summary> summaries = run.recordings().stream().map(Recording::summary).toList();
		List<Budget.Verdict> verdicts = Budget.check(Budget.parse(run.options().all("budget-p95-ms")), summaries);
		Environment environment = run.environment().remeasured();

		out.println();
		out.printf("%s · %s · %d cores · %s%n", scenario, environment.store(), environment.cores(),
				run.concurrency());
		run.facts().forEach(fact -> out.println(fact));
		if (!summaries.isEmpty()) {
			out.println();
			table(out, summaries);
		}
		for (Budget.Verdict verdict : verdicts) {
			out.printf("budget %-14s p95 %s ms, budget %s ms%s: %s%n", verdict.request(), ms(verdict.p95Ms()),
					ms(verdict.budgetP95Ms()), verdict.errors() > 0 ? ", " + verdict.errors() + " errors" : "",
					verdict.passed() ? "passed" : "EXCEEDED");
		}

		Map<String, Object> result = new LinkedHashMap<>();
		result.put("scenario", scenario);
		result.put("startedAt", started.toString());
		result.put("finishedAt", Instant.now().toString());
		result.put("arguments", run.options().words());
		result.put("environment", environment);
		result.put("settings", run.settings());
		result.putAll(run.sections());
		result.put("requests", summaries);
		result.put("budgets", verdicts);
		Path file = resultsDir.resolve(scenario + "-" + FILE_TIME.format(started) + ".json");
		try {
			Files.createDirectories(resultsDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Json.writePretty(file, result);
		out.println();
		out.println("Result file: " + file);
		return verdicts.stream().allMatch(Budget.Verdict::passed);
	}

	static void table(PrintStream out, List<Recording.Summary> summaries) {
		String format = "%-24s %7s %7s %9s %9s %9s %9s %9s%n";
		out.printf(format, "request (ms)", "count", "errors", "p50", "p95", "p99", "max", "per s");
		for (Recording.Summary summary : summaries) {
			row(out, format, summary.name(), summary);
			for (Recording.Summary group : summary.breakdown()) {
				row(out, format, "  · " + group.name(), group);
			}
		}
		for (Recording.Summary summary : summaries) {
			summary.errorsByReason().forEach((reason, count) -> out.printf("%s: %d × %s%n", summary.name(), count,
					reason));
		}
	}

	private static void row(PrintStream out, String format, String label, Recording.Summary summary) {
		out.printf(format, label, summary.count(), summary.errors(), ms(summary.p50Ms()), ms(summary.p95Ms()),
				ms(summary.p99Ms()), ms(summary.maxMs()), ms(summary.perSecond()));
	}

	private static String ms(Double value) {
		return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
	}
}
