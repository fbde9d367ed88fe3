package com.rapport.benchmarks.harness;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a scenario: the options every scenario shares, where the platform is, and what the run found, which
 * ends up in the report and the result file.
 */
public final class Run {

	private final Options options;

	private final PrintStream out;

	private final URI gateway;

	private final URI keycloak;

	private final Load.Settings settings;

	private final long randomSeed;

	private final Environment environment;

	private final List<Recording> recordings = new ArrayList<>();

	private final Map<String, Object> sections = new LinkedHashMap<>();

	private final List<String> facts = new ArrayList<>();

	private String concurrency;

	Run(Options options, PrintStream out) {
		this.options = options;
		this.out = out;
		this.gateway = uri(options.string("base-url", "http://localhost:8080"));
		this.keycloak = uri(options.string("keycloak-url", "http://localhost:8180"));
		this.settings = new Load.Settings(options.integer("warmup", 50, 0), options.integer("requests", 500, 1),
				options.integer("concurrency", 1, 1));
		this.randomSeed = options.integer("random-seed", 42, 0);
		this.environment = Environment.detect(gateway.toString(), options.string("data-dir", null));
	}

	public Options options() {
		return options;
	}

	public PrintStream out() {
		return out;
	}

	/** The gateway: the platform's only public entry. */
	public URI gateway() {
		return gateway;
	}

	public URI keycloak() {
		return keycloak;
	}

	public Load.Settings settings() {
		return settings;
	}

	/** The seed of every random choice a scenario makes, so that a run can be repeated call for call. */
	public long randomSeed() {
		return randomSeed;
	}

	public Environment environment() {
		return environment;
	}

	/** Warms up and measures one kind of request with the run's settings; the order of calls is the report's. */
	public Recording measure(String name, Load.Call call) {
		return measure(name, settings, call);
	}

	/**
	 * The same with settings of its own, for a scenario that measures one request at several concurrencies; the
	 * report's header still names the run's.
	 */
	public Recording measure(String name, Load.Settings own, Load.Call call) {
		Recording recording = Load.measure(name, own, call, out);
		recordings.add(recording);
		return recording;
	}

	/**
	 * A recording the scenario timed itself (a time that ends somewhere else than the answer, such as a mail
	 * arriving), reported like the measured ones, in the order added.
	 */
	public void add(Recording recording, long elapsedNanos) {
		recording.elapsed(elapsedNanos);
		recordings.add(recording);
	}

	/** A part of the result file, such as the seeding's figures; also printed when it is short text. */
	public void put(String section, Object value) {
		sections.put(section, value);
	}

	/**
	 * How many calls at once, for the report's header, when the scenario measures with its own settings
	 * ({@code "1, 4 and 16 requests at once"}); by default the run's {@code --concurrency}.
	 */
	public void concurrency(String description) {
		this.concurrency = description;
	}

	String concurrency() {
		if (concurrency != null) {
			return concurrency;
		}
		return settings.concurrency() == 1 ? "one request at a time" : settings.concurrency() + " requests at once";
	}

	/** A line for the report's header, such as the data size. */
	public void fact(String line) {
		facts.add(line);
	}

	List<Recording> recordings() {
		return recordings;
	}

	Map<String, Object> sections() {
		return sections;
	}

	List<String> facts() {
		return facts;
	}

	private static URI uri(String text) {
		URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
		if (uri.getScheme() == null || uri.getHost() == null) {
			throw new Options.UsageException("not an http(s) address: " + text);
		}
		return uri;
	}
}
