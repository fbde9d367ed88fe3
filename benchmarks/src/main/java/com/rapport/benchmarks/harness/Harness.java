package com.rapport.benchmarks.harness;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one scenario from the command line and says how it went by the exit code: 0 done (and within its
 * budgets), 1 the run broke (the platform unreachable, a login refused, seeding failed), 2 a wrong command line,
 * 3 a budget exceeded.
 */
public final class Harness {

	public static final int OK = 0;

	public static final int BROKEN = 1;

	public static final int USAGE = 2;

	public static final int OVER_BUDGET = 3;

	private Harness() {
	}

	public static int run(String[] args, List<Scenario> scenarios, PrintStream out) {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
			out.println(usage(scenarios));
			return args.length == 0 ? USAGE : OK;
		}
		Scenario scenario = scenarios.stream().filter(s -> s.name().equals(args[0])).findFirst().orElse(null);
		if (scenario == null) {
			out.println("Unknown scenario '" + args[0] + "'.\n\n" + usage(scenarios));
			return USAGE;
		}
		List<String> rest = Arrays.asList(args).subList(1, args.length);
		if (rest.contains("--help") || rest.contains("-h")) {
			out.println(usage(scenarios));
			return OK;
		}
		Instant started = Instant.now();
		try {
			Options options = Options.parse(rest);
			Run run = new Run(options, out);
			Path resultsDir = Path.of(options.string("results-dir", "benchmarks/results"));
			Budget.parse(options.all("budget-p95-ms"));
			Scenario.Measurement measurement = scenario.configure(run);
			options.requireAllUsed();
			measurement.run();
			return Report.finish(scenario.name(), run, started, resultsDir) ? OK : OVER_BUDGET;
		}
		catch (Options.UsageException ex) {
			out.println("benchmarks: " + ex.getMessage() + "\n\n" + usage(scenarios));
			return USAGE;
		}
		catch (Exception ex) {
			if (ex instanceof UncheckedIOException && ex.getCause() instanceof ConnectException) {
				out.println("benchmarks: " + ex.getMessage() + "\nIs the platform up? Start it with ./platform up, "
						+ "or let run.sh do it for this run with --up.");
				return BROKEN;
			}
			out.println("benchmarks: the run broke: " + ex);
			ex.printStackTrace(out);
			return BROKEN;
		}
	}

	static String usage(List<Scenario> scenarios) {
		StringBuilder text = new StringBuilder("""
				Usage: benchmarks/run.sh <scenario> [--up] [options]   (or java -jar benchmarks/target/benchmarks.jar ...)

				Scenarios:
				""");
		scenarios.forEach(s -> text.append(String.format("  %-14s %s%n", s.name(), s.summary())));
		text.append("""

				Options of every scenario:
				  --base-url URL           the gateway (http://localhost:8080)
				  --keycloak-url URL       Keycloak (http://localhost:8180)
				  --warmup N               calls per request before measuring, not counted (50)
				  --requests N             measured calls per request (500)
				  --concurrency C          calls at once (1: one after the other)
				  --random-seed N          seed of the random choices, for a repeatable run (42)
				  --budget-p95-ms N | REQUEST=N
				                           fail (exit 3) when a request's p95 is over N ms or any call failed;
				                           repeatable, one naming a request wins over one without
				  --results-dir DIR        where the JSON result goes (benchmarks/results)
				  --data-dir DIR           the platform's RAPPORT_DATA_DIR, to report its size (run.sh --up sets it)
				""");
		scenarios.forEach(s -> text.append("\nOptions of ").append(s.name()).append(":\n").append(s.usage()));
		return text.toString();
	}
}
