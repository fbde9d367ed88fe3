package com.rapport.benchmarks.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line after the scenario's name: {@code --name value} pairs and bare {@code --flag}s, read by the
 * harness and the scenario alike. Each option read is remembered, so that a misspelt one is reported instead of
 * silently ignored ({@link #requireAllUsed()}).
 */
public final class Options {

	private final Map<String, List<String>> values = new LinkedHashMap<>();

	private final Set<String> used = new LinkedHashSet<>();

	private final List<String> words;

	private Options(List<String> words) {
		this.words = List.copyOf(words);
	}

	/**
	 * Parses {@code args}; an option's value is the next word unless that starts with {@code --} (then it is a
	 * flag, value {@code "true"}). {@code --name=value} works too.
	 */
	public static Options parse(List<String> args) {
		Options options = new Options(args);
		for (int i = 0; i < args.size(); i++) {
			String word = args.get(i);
			if (!word.startsWith("--") || word.length() == 2) {
				throw new UsageException("unexpected '" + word + "': options look like --name value");
			}
			String name = word.substring(2);
			String value;
			int equals = name.indexOf('=');
			if (equals > 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
				value = args.get(++i);
			}
			else {
				value = "true";
			}
			options.values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
		}
		return options;
	}

	/** The command line as given, for the result file. */
	public List<String> words() {
		return words;
	}

	public String string(String name, String fallback) {
		List<String> all = all(name);
		return all.isEmpty() ? fallback : all.get(all.size() - 1);
	}

	public int integer(String name, int fallback, int min) {
		return integer(name, fallback, min, Integer.MAX_VALUE);
	}

	public int integer(String name, int fallback, int min, int max) {
		String text = string(name, null);
		if (text == null) {
			return fallback;
		}
		try {
			int value = Integer.parseInt(text.replace("_", "").replace(",", ""));
			if (value < min) {
				throw new UsageException("--" + name + " must be at least " + min + ", not " + value);
			}
			if (value > max) {
				throw new UsageException("--" + name + " must be at most " + max + ", not " + value);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--" + name + " takes a whole number, not '" + text + "'");
		}
	}

	public boolean flag(String name) {
		String text = string(name, "false");
		if (!text.equals("true") && !text.equals("false")) {
			throw new UsageException("--" + name + " is a flag and takes no value (got '" + text + "')");
		}
		return text.equals("true");
	}

	/** Every value of a repeatable option, in order. */
	public List<String> all(String name) {
		used.add(name);
		return values.getOrDefault(name, List.of());
	}

	/** Fails on any option nobody asked for: a typo must not turn into a default. */
	public void requireAllUsed() {
		List<String> unknown = values.keySet().stream().filter(name -> !used.contains(name)).toList();
		if (!unknown.isEmpty()) {
			throw new UsageException("unknown option" + (unknown.size() > 1 ? "s" : "") + ": --"
					+ String.join(", --", unknown));
		}
	}

	/** A wrong command line: the run stops with the message and the usage, exit code 2. */
	public static final class UsageException extends RuntimeException {

		public UsageException(String message) {
			super(message);
		}
	}
}
