package com.rapport.support.mongo.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Chooses how to answer a filter (and sort, skip, limit) from a collection's indexes, as MongoDB's planner
 * would for the shapes the services send: the index whose bounds read the fewest entries (counted in the index in
 * O(log n), not guessed); other indexes' answers intersected with it when they narrow it down; a sort read from an
 * index's order when it gives one, so that a page stops at its last document. Anything it cannot use an index for
 * is a collection scan. The documents an index gives are always matched against the whole filter again, so a plan
 * may read more than it needs but never misses a document.
 */
final class QueryPlanner {

	/** Beyond this, a second index's answer costs more to read than it saves. */
	static final long MAX_INTERSECTED = 50_000;

	/** Bounds a {@code $in} on several fields of a compound index. */
	private static final int MAX_INTERVALS = 256;

	private QueryPlanner() {
	}

	static QueryPlan plan(Document filter, Document orderBy, int skip, int limit, List<OrderedIndex> indexes,
			long documents) {
		List<SortKey> sort = SortKey.of(orderBy);
		if (sort == null) {
			return QueryPlan.collectionScan();
		}
		Map<String, List<Constraint>> constraints = new LinkedHashMap<>();
		boolean covered = collect(filter == null ? new Document() : filter, constraints);
		Set<Constraint> all = new HashSet<>();
		constraints.values().forEach(all::addAll);

		List<IndexScan> candidates = new ArrayList<>();
		for (OrderedIndex index : indexes) {
			List<Constraint> leading = constraints.get(index.getKeys().get(0).getKey());
			if (leading == null) {
				continue;
			}
			for (Constraint first : leading.subList(0, Math.min(leading.size(), 4))) {
				IndexScan scan = scan(index, first, constraints);
				if (scan != null) {
					candidates.add(scan);
				}
			}
		}
		if (candidates.isEmpty()) {
			if (!sort.isEmpty() && limit > 0) {
				for (OrderedIndex index : indexes) {
					Boolean reverse = !index.sparse() ? order(index, 0, sort) : null;
					if (reverse != null) {
						return QueryPlan.scan(IndexScan.whole(index, reverse), true, false);
					}
				}
			}
			return QueryPlan.collectionScan();
		}
		candidates.sort(Comparator.comparingLong(IndexScan::estimate)
			.thenComparing(Comparator.comparingInt(IndexScan::fixedFields).reversed()));
		IndexScan best = candidates.get(0);

		List<IndexScan> chosen = new ArrayList<>(List.of(best));
		Set<Constraint> answered = new HashSet<>(best.answered());
		if (best.estimate() > 16) {
			for (IndexScan other : candidates.subList(1, candidates.size())) {
				if (chosen.size() < 3 && other.estimate() <= MAX_INTERSECTED && other.estimate() < documents / 2
						&& other.answered().stream().noneMatch(answered::contains)) {
					chosen.add(other);
					answered.addAll(other.answered());
				}
			}
		}
		boolean exact = covered && answered.containsAll(all) && chosen.stream().allMatch(IndexScan::exact);

		if (sort.isEmpty()) {
			return chosen.size() == 1 ? QueryPlan.scan(best, false, exact) : QueryPlan.intersect(chosen, exact);
		}
		// A sort: best read straight from an index's order, so that a page stops at its last document.
		Boolean reverse = order(best.index(), best.fixedFields(), sort);
		if (chosen.size() == 1 && reverse != null && best.singleInterval()) {
			return QueryPlan.scan(reverse ? best.reversed() : best, true, exact);
		}
		long bestEstimate = chosen.stream().mapToLong(IndexScan::estimate).min().orElse(best.estimate());
		for (IndexScan candidate : candidates) {
			Boolean direction = order(candidate.index(), candidate.fixedFields(), sort);
			if (direction != null && candidate.singleInterval() && candidate.estimate() <= 4 * bestEstimate + 64) {
				boolean alone = candidate.answered().containsAll(all) && covered && candidate.exact();
				return QueryPlan.scan(direction ? candidate.reversed() : candidate, true, alone);
			}
		}
		if (limit > 0 && bestEstimate > 200) {
			for (OrderedIndex index : indexes) {
				Boolean direction = !index.sparse() ? order(index, 0, sort) : null;
				if (direction != null && (long) (skip + limit) * Math.max(documents, 1) / bestEstimate < bestEstimate) {
					IndexScan walk = IndexScan.whole(index, direction);
					// A filter that keeps most documents: check each document read rather than collect the filter's
					// positions first.
					return bestEstimate > documents / 4 ? QueryPlan.scan(walk, true, false)
							: QueryPlan.walk(walk, chosen, exact);
				}
			}
		}
		return chosen.size() == 1 ? QueryPlan.scan(best, false, exact) : QueryPlan.intersect(chosen, exact);
	}

	/**
	 * Every predicate of the filter as constraints per field ({@code $and} flattened); false when some predicate
	 * gives no constraint an index can answer exactly (then a count has to read documents).
	 */
	private static boolean collect(Document filter, Map<String, List<Constraint>> constraints) {
		boolean covered = true;
		for (Map.Entry<String, Object> entry : filter.entrySet()) {
			String field = entry.getKey();
			if (field.equals("$and") && entry.getValue() instanceof List<?> parts) {
				for (Object part : parts) {
					if (part instanceof Document document) {
						covered &= collect(document, constraints);
					}
					else {
						covered = false;
					}
				}
				continue;
			}
			if (field.startsWith("$")) {
				covered = false;
				continue;
			}
			Constraint constraint = Constraint.of(field, entry.getValue());
			if (constraint == null) {
				covered = false;
				continue;
			}
			covered &= constraint.exact();
			constraints.computeIfAbsent(field, key -> new ArrayList<>()).add(constraint);
		}
		return covered;
	}

	/** The scan of {@code index} that starts with {@code first} on its leading field, then narrows on the next. */
	private static IndexScan scan(OrderedIndex index, Constraint first, Map<String, List<Constraint>> constraints) {
		List<IndexKey> keys = index.getKeys();
		List<List<Object>> prefixes = new ArrayList<>();
		prefixes.add(List.of());
		Set<Constraint> answered = new LinkedHashSet<>();
		boolean exact = true;
		int fixed = 0;
		boolean stillFixed = true;
		Constraint range = null;
		for (int field = 0; field < keys.size(); field++) {
			Constraint constraint = field == 0 ? first : pick(constraints.get(keys.get(field).getKey()));
			if (constraint == null) {
				break;
			}
			if (constraint.isPoints()) {
				if (prefixes.size() * constraint.points().size() > MAX_INTERVALS) {
					break;
				}
				List<List<Object>> extended = new ArrayList<>();
				for (List<Object> prefix : prefixes) {
					for (Object point : constraint.points()) {
						List<Object> next = new ArrayList<>(prefix);
						next.add(point);
						extended.add(next);
					}
				}
				prefixes = extended;
				answered.add(constraint);
				exact &= constraint.exact();
				if (constraint.points().size() == 1 && stillFixed) {
					fixed++;
				}
				else {
					stillFixed = false;
				}
				continue;
			}
			answered.add(constraint);
			range = constraint;
			if (index.multikey() && constraint.twoOperators()) {
				range = constraint.lowerSideOnly();
			}
			exact &= range.exact();
			break;
		}
		if (answered.isEmpty()) {
			return null;
		}
		List<Object[]> lowers = new ArrayList<>();
		List<Object[]> uppers = new ArrayList<>();
		for (List<Object> prefix : prefixes) {
			Object[] lower = new Object[index.keyLength()];
			Object[] upper = new Object[index.keyLength()];
			int at = prefix.size();
			for (int i = 0; i < at; i++) {
				lower[i] = prefix.get(i);
				upper[i] = prefix.get(i);
			}
			Object lowerPad = Bound.MIN;
			Object upperPad = Bound.MAX;
			if (range != null) {
				boolean ascending = index.ascending(at);
				Object from = ascending ? range.low() : range.high();
				boolean fromInclusive = ascending ? range.lowInclusive() : range.highInclusive();
				Object to = ascending ? range.high() : range.low();
				boolean toInclusive = ascending ? range.highInclusive() : range.lowInclusive();
				lower[at] = from == null ? Bound.MIN : from;
				upper[at] = to == null ? Bound.MAX : to;
				lowerPad = from != null && !fromInclusive ? Bound.MAX : Bound.MIN;
				upperPad = to != null && !toInclusive ? Bound.MIN : Bound.MAX;
				at++;
			}
			for (int i = at; i < index.keyLength(); i++) {
				lower[i] = lowerPad;
				upper[i] = upperPad;
			}
			lowers.add(lower);
			uppers.add(upper);
		}
		return new IndexScan(index, lowers, uppers, false, answered, fixed, exact);
	}

	private static Constraint pick(List<Constraint> constraints) {
		if (constraints == null) {
			return null;
		}
		return constraints.stream().filter(Constraint::isPoints).findFirst().orElse(constraints.get(0));
	}

	/**
	 * Whether reading {@code index} (its first {@code fixed} fields fixed to one value) gives the sort: null if not,
	 * else whether it must be read in reverse. Ties in a non-unique index are in {@code _id} order, so a sort ending
	 * in {@code _id} after the index's fields is given too.
	 */
	static Boolean order(OrderedIndex index, int fixed, List<SortKey> sort) {
		if (index.multikey()) {
			return null;
		}
		List<IndexKey> keys = index.getKeys();
		Set<String> fixedFields = new HashSet<>();
		for (int i = 0; i < fixed; i++) {
			fixedFields.add(keys.get(i).getKey());
		}
		Boolean forward = null;
		int at = fixed;
		List<SortKey> remaining = sort.stream().filter(key -> !fixedFields.contains(key.field())).toList();
		for (int i = 0; i < remaining.size(); i++) {
			SortKey key = remaining.get(i);
			boolean sameWay;
			if (at < keys.size() && keys.get(at).getKey().equals(key.field())) {
				sameWay = key.ascending() == keys.get(at).isAscending();
				at++;
			}
			else if (key.field().equals("_id") && i == remaining.size() - 1 && at == keys.size()) {
				if (index instanceof UniqueIndex) {
					continue;
				}
				sameWay = key.ascending();
			}
			else {
				return null;
			}
			if (forward == null) {
				forward = sameWay;
			}
			else if (forward != sameWay) {
				return null;
			}
		}
		return forward == null ? Boolean.FALSE : !forward;
	}

	/** One key of a sort. */
	record SortKey(String field, boolean ascending) {

		/** The sort's keys, or null for a sort no index gives ({@code $natural}, text scores). */
		static List<SortKey> of(Document orderBy) {
			if (orderBy == null || orderBy.isEmpty()) {
				return List.of();
			}
			List<SortKey> keys = new ArrayList<>();
			for (Map.Entry<String, Object> entry : orderBy.entrySet()) {
				if (entry.getKey().startsWith("$") || !(entry.getValue() instanceof Number direction)) {
					return null;
				}
				keys.add(new SortKey(entry.getKey(), direction.intValue() >= 0));
			}
			return keys;
		}
	}
}
