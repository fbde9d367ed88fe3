package com.rapport.ticket.kb;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tartarus.snowball.ext.PorterStemmer;

/**
 * The words an article is found by, and a query is looked up by, the same way on both sides: lower case (NFKC),
 * split at anything that is not a letter or digit; Latin words and numbers of two characters or more, common
 * English words left out, English words (letters a–z only) <b>stemmed</b> by the Porter stemmer of Lucene's
 * lucene-analysis-common (its Snowball {@code PorterStemmer}: "shipping", "shipped" → ship; "lamps" → lamp;
 * "invoices", "invoicing" → invoic), and a stem ending in {@code ment} keyed by
 * that root too when it has four letters or more ("shipments" → shipment and ship; Porter keeps {@code ment} after a short root), so that "shipping",
 * "shipped" and "shipments" find each other; words with digits (SKUs, order numbers) as they are. Chinese (Han) text
 * as each pair of neighbouring characters ("灯闪烁" → 灯闪, 闪烁), a lone character as itself (no segmenter: none is
 * on this service's classpath). Kept as a multikey array, so that MongoDB and the embedded store answer a search
 * from an index ({@code $in}). Articles published under the earlier keys are keyed again once at start
 * ({@link SearchKeysReindex}).
 */
public final class SearchKeys {

	/** At most this many keys from one query: a pasted page is not a search. */
	static final int MAX_QUERY_KEYS = 30;

	private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "are", "was", "our", "you",
			"your", "not", "after", "this", "that", "from", "have", "has", "how", "what", "when", "can", "of", "to",
			"in", "on", "is", "it", "an", "my", "we", "do", "does", "be", "or", "at", "by", "as", "me", "us", "its",
			"but", "any", "all", "some", "there", "their", "they", "why", "where", "which", "will", "would");

	/** The stemmer is not thread-safe: one per thread. */
	private static final ThreadLocal<PorterStemmer> STEMMER = ThreadLocal.withInitial(PorterStemmer::new);

	private SearchKeys() {
	}

	/** The keys of a text, each once, in the order they first come. */
	public static List<String> of(String... texts) {
		Set<String> keys = new LinkedHashSet<>();
		for (String text : texts) {
			if (text != null) {
				add(keys, Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
			}
		}
		return List.copyOf(keys);
	}

	private static void add(Set<String> keys, String text) {
		StringBuilder latin = new StringBuilder();
		StringBuilder han = new StringBuilder();
		text.codePoints().forEach(cp -> {
			if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
				word(keys, latin);
				han.appendCodePoint(cp);
			}
			else if (Character.isLetterOrDigit(cp)) {
				han(keys, han);
				latin.appendCodePoint(cp);
			}
			else {
				word(keys, latin);
				han(keys, han);
			}
		});
		word(keys, latin);
		han(keys, han);
	}

	private static void word(Set<String> keys, StringBuilder latin) {
		String word = latin.toString();
		latin.setLength(0);
		if (word.length() < 2 || STOP_WORDS.contains(word)) {
			return;
		}
		if (!word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
			keys.add(word);
			return;
		}
		String stem = stem(word);
		if (stem.length() < 2) {
			return;
		}
		keys.add(stem);
		if (stem.endsWith("ment") && stem.length() >= 8) {
			keys.add(stem.substring(0, stem.length() - 4));
		}
	}

	/** The word's Porter stem. */
	static String stem(String word) {
		PorterStemmer stemmer = STEMMER.get();
		stemmer.setCurrent(word);
		stemmer.stem();
		return stemmer.getCurrent();
	}

	private static void han(Set<String> keys, StringBuilder han) {
		int[] cps = han.codePoints().toArray();
		han.setLength(0);
		if (cps.length == 1) {
			keys.add(new String(cps, 0, 1));
		}
		for (int i = 0; i + 1 < cps.length; i++) {
			keys.add(new String(cps, i, 2));
		}
	}
}
