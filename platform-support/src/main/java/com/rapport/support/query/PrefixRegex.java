package com.rapport.support.query;

/**
 * A regular expression for "starts with": {@code ^} and the prefix with every ASCII character but letters and
 * digits escaped one by one. Both stores bound an index scan by such a literal prefix; {@code \Q...\E} quoting
 * matches the same texts but hides the prefix from the embedded store's planner.
 */
public final class PrefixRegex {

	private PrefixRegex() {
	}

	public static String of(String prefix) {
		StringBuilder regex = new StringBuilder("^");
		prefix.codePoints().forEach(cp -> {
			if (cp < 128 && !Character.isLetterOrDigit(cp)) {
				regex.append('\\');
			}
			regex.appendCodePoint(cp);
		});
		return regex.toString();
	}
}
