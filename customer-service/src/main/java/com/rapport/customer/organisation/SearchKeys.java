package com.rapport.customer.organisation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.rapport.support.query.PrefixRegex;

/**
 * The console's search without a full scan: every organisation carries an indexed array of normalised keys
 * (lower case, accents stripped) made from its name and its contacts' names, emails and phones. A query is
 * cut into words and each word must be the prefix of one key, which MongoDB answers with an anchored
 * prefix regex ({@code ^word}) on the multikey index: an index range scan, not a collection scan.
 * <ul>
 * <li>names: each word, and each part of a word split at punctuation ({@code o'brien}, {@code o},
 * {@code brien}); Chinese, Japanese and Korean names have no spaces, so every suffix of such a run is a key
 * too and {@code 零售} finds {@code 阿克米零售};</li>
 * <li>emails: the whole address, its domain and the parts of its local part;</li>
 * <li>phones: the digits and every suffix of at least {@value #MIN_PHONE_SUFFIX} digits, so the last digits
 * or the number without its country code find it. A query that looks like a phone number is one word of
 * its digits; a leading trunk zero ({@code 021 ...}) is dropped.</li>
 * </ul>
 */
public final class SearchKeys {

	static final int MIN_PHONE_SUFFIX = 4;

	/** Bounds the keys a long CJK name adds. */
	private static final int MAX_CJK_RUN = 24;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9 ()./-]*[0-9][+0-9 ()./-]*");

	private SearchKeys() {
	}

	static List<String> of(String organisationName, List<Contact> contacts) {
		Set<String> keys = new LinkedHashSet<>();
		addName(keys, organisationName);
		if (contacts != null) {
			for (Contact contact : contacts) {
				addName(keys, contact.name());
				addEmail(keys, contact.email());
				addPhone(keys, contact.phone());
			}
		}
		return List.copyOf(keys);
	}

	/**
	 * The words of a user's query, normalised like the keys; each must prefix some key. Empty when the query
	 * has no words.
	 */
	public static List<String> queryTerms(String query) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		String trimmed = query.strip();
		if (PHONE_LIKE.matcher(trimmed).matches()) {
			String digits = trimmed.replaceAll("[^0-9]", "");
			if (digits.length() >= 6 && digits.startsWith("0") && !trimmed.startsWith("+")) {
				digits = digits.replaceFirst("^0+", "");
			}
			return digits.isEmpty() ? List.of() : List.of(digits);
		}
		return List.of(normalise(trimmed).split(" ")).stream().filter(w -> !w.isEmpty()).distinct().toList();
	}

	/** A key or query word as stored: NFKD, accents removed, lower case, single spaces. */
	static String normalise(String text) {
		String decomposed = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
		return decomposed.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
	}

	/** {@code ^} and the term with every ASCII non-alphanumeric escaped: a prefix both stores bound in the index. */
	static String prefixRegex(String term) {
		return PrefixRegex.of(term);
	}

	private static void addName(Set<String> keys, String name) {
		if (name == null || name.isBlank()) {
			return;
		}
		for (String word : normalise(name).split(" ")) {
			keys.add(word);
			for (String part : PUNCTUATION.split(word)) {
				if (!part.isEmpty()) {
					keys.add(part);
					addCjkSuffixes(keys, part);
				}
			}
		}
	}

	private static void addCjkSuffixes(Set<String> keys, String part) {
		int[] cps = part.codePoints().toArray();
		int start = 0;
		while (start < cps.length) {
			if (!isCjk(cps[start])) {
				start++;
				continue;
			}
			int end = start;
			while (end < cps.length && isCjk(cps[end])) {
				end++;
			}
			for (int from = start; from < Math.min(end, start + MAX_CJK_RUN); from++) {
				keys.add(new String(cps, from, end - from));
			}
			start = end;
		}
	}

	private static boolean isCjk(int cp) {
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}

	private static void addEmail(Set<String> keys, String email) {
		if (email == null || email.isBlank()) {
			return;
		}
		String normalised = normalise(email);
		keys.add(normalised);
		int at = normalised.lastIndexOf('@');
		if (at > 0) {
			keys.add(normalised.substring(at + 1));
			for (String part : PUNCTUATION.split(normalised.substring(0, at))) {
				if (!part.isEmpty()) {
					keys.add(part);
				}
			}
		}
	}

	private static void addPhone(Set<String> keys, String phone) {
		if (phone == null) {
			return;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		List<String> suffixes = new ArrayList<>();
		for (int from = 0; from <= digits.length() - MIN_PHONE_SUFFIX; from++) {
			suffixes.add(digits.substring(from));
		}
		keys.addAll(suffixes);
	}
}
