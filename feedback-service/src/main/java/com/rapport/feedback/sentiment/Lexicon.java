package com.rapport.feedback.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One language's word lists, read from {@code sentiment/<language>.txt} (the format is in the file's header):
 * cue words and two-word phrases with their weight, negations, intensifiers, contrasts and urgent phrases.
 */
record Lexicon(Map<String, Integer> weights, Set<String> negations, Set<String> intensifiers, Set<String> contrasts,
		Set<String> urgent) {

	static Lexicon load(String language) {
		String resource = "sentiment/" + language + ".txt";
		Map<String, Integer> weights = new HashMap<>();
		Set<String> negations = new HashSet<>();
		Set<String> intensifiers = new HashSet<>();
		Set<String> contrasts = new HashSet<>();
		Set<String> urgent = new LinkedHashSet<>();
		try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("no " + resource + " on the class path");
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				String entry = line.strip();
				if (entry.isEmpty() || entry.startsWith("#")) {
					continue;
				}
				int space = entry.indexOf(' ');
				if (space < 0) {
					throw new IllegalStateException(resource + ": '" + entry + "' has no word");
				}
				String kind = entry.substring(0, space);
				String word = entry.substring(space + 1).strip().toLowerCase(Locale.ROOT);
				switch (kind) {
					case "neg" -> negations.add(word);
					case "more" -> intensifiers.add(word);
					case "but" -> contrasts.add(word);
					case "urgent" -> urgent.add(word);
					default -> weights.put(word, Integer.parseInt(kind));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Lexicon(Map.copyOf(weights), Set.copyOf(negations), Set.copyOf(intensifiers), Set.copyOf(contrasts),
				urgent);
	}
}
