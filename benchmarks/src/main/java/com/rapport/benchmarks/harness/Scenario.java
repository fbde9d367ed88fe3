package com.rapport.benchmarks.harness;

/**
 * One benchmark: it reads its options, prepares its data, then measures its requests through
 * {@link Run#measure}. A new scenario is
 * a class implementing this, listed in {@code Bench.SCENARIOS}, with its own package, and a section in
 * {@code benchmarks/README.md}.
 */
public interface Scenario {

	/** The name on the command line ({@code run.sh <name>}) and in the result file's name. */
	String name();

	/** One line for the list of scenarios. */
	String summary();

	/** Its own options, one per line, for {@code --help}. */
	String usage();

	/**
	 * Reads its options from {@code run.options()} and answers what does the work, which the harness runs once it
	 * has checked that no option was misspelt.
	 */
	Measurement configure(Run run);

	/** The scenario's work: preparing its data and measuring. */
	interface Measurement {

		void run() throws Exception;
	}
}
