package com.rapport.support.mongo.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * What one predicate of a filter says about one field, in the terms an index understands: a set of values, or a
 * range. {@code exact} when the index's answer is exactly the documents the predicate matches (equality, {@code $in},
 * a pure anchored prefix, a range with two ends of one type), so that a count needs no document.
 */
record Constraint(String field, List<Object> points, Object low, boolean lowInclusive, Object high,
		boolean highInclusive, boolean twoOperators, boolean exact) {

	boolean isPoints() {
		return points != null;
	}

	static Constraint points(String field, List<Object> values, boolean exact) {
		return new Constraint(field, values, null, false, null, false, false, exact);
	}

	static Constraint range(String field, Object low, boolean lowInclusive, Object high, boolean highInclusive,
			boolean twoOperators, boolean exact) {
		return new Constraint(field, null, low, lowInclusive, high, highInclusive, twoOperators, exact);
	}

	/** One side of the range only: what a multikey index may use of a range given by two operators. */
	Constraint lowerSideOnly() {
		return new Constraint(field, null, low, lowInclusive, null, false, false, false);
	}

	/** The constraint a filter's value for a field makes, or null when no index can answer it. */
	static Constraint of(String field, Object condition) {
		if (BsonRegularExpression.isRegularExpression(condition)) {
			return prefix(field, BsonRegularExpression.convertToRegularExpression(condition), true);
		}
		if (condition instanceof Document document && !document.isEmpty()
				&& document.keySet().iterator().next().startsWith("$")) {
			return operators(field, document);
		}
		if (isIndexable(condition)) {
			return points(field, List.of(IndexEntries.normalise(condition)), true);
		}
		return null;
	}

	private static Constraint operators(String field, Document operators) {
		List<Object> points = null;
		Object low = null;
		Object high = null;
		boolean lowInclusive = false;
		boolean highInclusive = false;
		boolean others = false;
		int rangeOperators = 0;
		Constraint regex = null;
		for (Map.Entry<String, Object> operator : operators.entrySet()) {
			Object value = operator.getValue();
			switch (operator.getKey()) {
				case "$eq" -> {
					if (isIndexable(value)) {
						points = List.of(IndexEntries.normalise(value));
					}
					else {
						others = true;
					}
				}
				case "$in" -> {
					List<Object> values = new ArrayList<>();
					boolean indexable = value instanceof Collection<?>;
					if (indexable) {
						for (Object element : (Collection<?>) value) {
							indexable &= isIndexable(element);
							values.add(IndexEntries.normalise(element));
						}
					}
					if (indexable) {
						points = values;
					}
					else {
						others = true;
					}
				}
				case "$gt", "$gte" -> {
					if (isIndexable(value)) {
						low = IndexEntries.normalise(value);
						lowInclusive = operator.getKey().equals("$gte");
						rangeOperators++;
					}
					else {
						others = true;
					}
				}
				case "$lt", "$lte" -> {
					if (isIndexable(value)) {
						high = IndexEntries.normalise(value);
						highInclusive = operator.getKey().equals("$lte");
						rangeOperators++;
					}
					else {
						others = true;
					}
				}
				case "$regex" -> {
					Object options = operators.get("$options");
					regex = prefix(field, new BsonRegularExpression(String.valueOf(value),
							options == null ? "" : options.toString()), operators.size() == (options == null ? 1 : 2));
					others |= regex == null;
				}
				case "$options" -> {
				}
				default -> others = true;
			}
		}
		if (points != null) {
			return points(field, points, !others && low == null && high == null && regex == null);
		}
		if (regex != null) {
			return regex;
		}
		if (low != null || high != null) {
			boolean sameType = low != null && high != null && typeOf(low) == typeOf(high) && typeOf(low) != null;
			return range(field, low, lowInclusive, high, highInclusive, rangeOperators > 1, sameType && !others);
		}
		return null;
	}

	/** An anchored regular expression as the range of strings that start with its literal prefix. */
	private static Constraint prefix(String field, BsonRegularExpression regex, boolean alone) {
		String options = regex.getOptions() == null ? "" : regex.getOptions();
		String pattern = regex.getPattern();
		if (options.contains("i") || options.contains("m") || options.contains("x") || !pattern.startsWith("^")
				|| pattern.indexOf('|') >= 0) {
			return null;
		}
		StringBuilder prefix = new StringBuilder();
		boolean pure = true;
		int i = 1;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			if (c == '\\') {
				if (i + 1 >= pattern.length() || Character.isLetterOrDigit(pattern.charAt(i + 1))) {
					pure = false;
					break;
				}
				prefix.append(pattern.charAt(i + 1));
				i += 2;
				continue;
			}
			if (".[]()^$+*?{}".indexOf(c) >= 0) {
				pure = false;
				if ((c == '*' || c == '?' || c == '{') && !prefix.isEmpty()) {
					prefix.setLength(prefix.length() - 1);
				}
				break;
			}
			prefix.append(c);
			i++;
		}
		if (prefix.isEmpty()) {
			return null;
		}
		String start = prefix.toString();
		String end = successor(start);
		return range(field, start, true, end, false, false, pure && alone && end != null);
	}

	/** The least string greater than every string that starts with {@code prefix}, or null when none. */
	static String successor(String prefix) {
		StringBuilder end = new StringBuilder(prefix);
		while (!end.isEmpty()) {
			char last = end.charAt(end.length() - 1);
			if (last != Character.MAX_VALUE) {
				end.setCharAt(end.length() - 1, (char) (last + 1));
				return end.toString();
			}
			end.setLength(end.length() - 1);
		}
		return null;
	}

	private static boolean isIndexable(Object value) {
		return !Missing.isNullOrMissing(value) && !(value instanceof Collection<?>) && !(value instanceof Map<?, ?>)
				&& !BsonRegularExpression.isRegularExpression(value) && !(value instanceof java.util.regex.Pattern);
	}

	private static Class<?> typeOf(Object value) {
		if (value instanceof Number) {
			return Number.class;
		}
		if (value instanceof String) {
			return String.class;
		}
		if (value instanceof Instant) {
			return Instant.class;
		}
		return null;
	}
}
