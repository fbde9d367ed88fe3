package com.rapport.support.mongo.store;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * How a query is answered: a collection scan, one index scan, the intersection of several, or an index read in
 * sort order keeping only the positions another scan found. {@code ordered}: the positions come in the query's
 * sort order (no sort in memory); {@code exact}: they are exactly the matching documents (a count needs no
 * document).
 */
final class QueryPlan {

	enum Kind {
		COLLSCAN, SCAN, INTERSECT, WALK
	}

	private final Kind kind;

	private final IndexScan scan;

	private final List<IndexScan> filters;

	private final boolean ordered;

	private final boolean exact;

	private QueryPlan(Kind kind, IndexScan scan, List<IndexScan> filters, boolean ordered, boolean exact) {
		this.kind = kind;
		this.scan = scan;
		this.filters = filters;
		this.ordered = ordered;
		this.exact = exact;
	}

	static QueryPlan collectionScan() {
		return new QueryPlan(Kind.COLLSCAN, null, List.of(), false, false);
	}

	static QueryPlan scan(IndexScan scan, boolean ordered, boolean exact) {
		return new QueryPlan(Kind.SCAN, scan, List.of(), ordered, exact);
	}

	static QueryPlan intersect(List<IndexScan> scans, boolean exact) {
		return new QueryPlan(Kind.INTERSECT, null, scans, false, exact);
	}

	static QueryPlan walk(IndexScan order, List<IndexScan> filters, boolean exact) {
		return new QueryPlan(Kind.WALK, order, filters, true, exact);
	}

	Kind kind() {
		return kind;
	}

	boolean usesIndex() {
		return kind != Kind.COLLSCAN;
	}

	boolean ordered() {
		return ordered;
	}

	boolean exact() {
		return exact;
	}

	/**
	 * How many positions the plan gives. One interval of an index with one entry per document is counted in the
	 * index in O(log n) (a count of an organisation's 10,000 orders read them all before); anything else is
	 * walked.
	 */
	long count() {
		if (kind == Kind.SCAN && scan.singleInterval() && !scan.index().multikey()) {
			return scan.estimate();
		}
		long count = 0;
		Iterator<Object> all = positions();
		while (all.hasNext()) {
			all.next();
			count++;
		}
		return count;
	}

	/** The positions to fetch, each once, in sort order when {@link #ordered()}. */
	Iterator<Object> positions() {
		return switch (kind) {
			case COLLSCAN -> throw new IllegalStateException("A collection scan reads the documents themselves");
			case SCAN -> scan.positions();
			case INTERSECT -> intersection().iterator();
			case WALK -> {
				Set<Object> wanted = intersection();
				Iterator<Object> all = scan.positions();
				yield new Iterator<>() {
					private Object next;

					@Override
					public boolean hasNext() {
						while (next == null && !wanted.isEmpty() && all.hasNext()) {
							Object candidate = all.next();
							if (wanted.contains(candidate)) {
								next = candidate;
							}
						}
						return next != null;
					}

					@Override
					public Object next() {
						if (!hasNext()) {
							throw new java.util.NoSuchElementException();
						}
						Object result = next;
						next = null;
						return result;
					}
				};
			}
		};
	}

	/** The positions every filter scan gives (the smallest read first, the others kept to what it found). */
	private Set<Object> intersection() {
		Set<Object> result = null;
		for (IndexScan filter : filters.stream()
			.sorted(java.util.Comparator.comparingLong(IndexScan::estimate)).toList()) {
			if (result == null) {
				result = new LinkedHashSet<>();
				filter.positions().forEachRemaining(result::add);
			}
			else {
				Set<Object> kept = new LinkedHashSet<>();
				Set<Object> found = result;
				filter.positions().forEachRemaining(position -> {
					if (found.contains(position)) {
						kept.add(position);
					}
				});
				result = kept;
			}
			if (result.isEmpty()) {
				return Collections.emptySet();
			}
		}
		return result == null ? Collections.emptySet() : result;
	}

	/**
	 * The plan of a count in the shape of MongoDB's {@code explain}: the index scan alone when the count is read
	 * from the index without a document ({@link #exact()}), as MongoDB shows a covered count (no {@code FETCH}).
	 */
	Document explainCount() {
		return kind == Kind.SCAN && exact ? scan.explain() : explain(false);
	}

	/**
	 * The plan in the shape of MongoDB's {@code explain} ({@code queryPlanner.winningPlan}); {@code sorted}: the
	 * query asked for a sort.
	 */
	Document explain(boolean sorted) {
		Document input = switch (kind) {
			case COLLSCAN -> new Document("stage", "COLLSCAN").append("direction", "forward");
			case SCAN -> new Document("stage", "FETCH").append("inputStage", scan.explain());
			case INTERSECT -> new Document("stage", "FETCH").append("inputStage",
					new Document("stage", "AND_HASH").append("inputStages",
							filters.stream().map(IndexScan::explain).toList()));
			case WALK -> new Document("stage", "FETCH").append("inputStage",
					new Document("stage", "AND_HASH").append("inputStages", java.util.stream.Stream
						.concat(java.util.stream.Stream.of(scan.explain()), filters.stream().map(IndexScan::explain))
						.toList()));
		};
		if (sorted && !ordered) {
			return new Document("stage", "SORT").append("inputStage", input);
		}
		return input;
	}
}
