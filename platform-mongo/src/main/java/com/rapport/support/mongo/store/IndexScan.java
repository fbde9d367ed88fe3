package com.rapport.support.mongo.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * One index read between one or more pairs of bounds (several for {@code $in}), in key order or reversed: the
 * positions it gives, how many entries it will read (counted in the index, not scanned), and which constraints of
 * the filter it answers.
 */
final class IndexScan {

	private final OrderedIndex index;

	private final List<Object[]> lowers;

	private final List<Object[]> uppers;

	private final boolean reverse;

	private final Set<Constraint> answered;

	/** Leading fields fixed to one value each. */
	private final int fixedFields;

	private final long estimate;

	private final boolean exact;

	IndexScan(OrderedIndex index, List<Object[]> lowers, List<Object[]> uppers, boolean reverse,
			Set<Constraint> answered, int fixedFields, boolean exact) {
		this.exact = exact;
		this.index = index;
		this.lowers = lowers;
		this.uppers = uppers;
		this.reverse = reverse;
		this.answered = answered;
		this.fixedFields = fixedFields;
		long entries = 0;
		for (int i = 0; i < lowers.size(); i++) {
			entries += index.count(lowers.get(i), uppers.get(i));
		}
		this.estimate = entries;
	}

	/** The whole index, for its order alone. */
	static IndexScan whole(OrderedIndex index, boolean reverse) {
		Object[] lower = new Object[index.keyLength()];
		Object[] upper = new Object[index.keyLength()];
		java.util.Arrays.fill(lower, Bound.MIN);
		java.util.Arrays.fill(upper, Bound.MAX);
		return new IndexScan(index, java.util.Collections.singletonList(lower),
				java.util.Collections.singletonList(upper), reverse, Set.of(), 0, false);
	}

	IndexScan reversed() {
		return new IndexScan(index, lowers, uppers, !reverse, answered, fixedFields, exact);
	}

	OrderedIndex index() {
		return index;
	}

	long estimate() {
		return estimate;
	}

	Set<Constraint> answered() {
		return answered;
	}

	int fixedFields() {
		return fixedFields;
	}

	boolean reverse() {
		return reverse;
	}

	boolean singleInterval() {
		return lowers.size() == 1;
	}

	boolean exact() {
		return exact;
	}

	/** The positions, each once, lazily. */
	Iterator<Object> positions() {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < lowers.size(); i++) {
			order.add(reverse ? lowers.size() - 1 - i : i);
		}
		Iterator<Integer> intervals = order.iterator();
		Iterator<Object> distinct = new Iterator<>() {
			private Iterator<Object> current = java.util.Collections.emptyIterator();

			@Override
			public boolean hasNext() {
				while (!current.hasNext() && intervals.hasNext()) {
					int i = intervals.next();
					current = index.positions(lowers.get(i), uppers.get(i), reverse);
				}
				return current.hasNext();
			}

			@Override
			public Object next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return current.next();
			}
		};
		if (!index.multikey() && lowers.size() == 1) {
			return distinct;
		}
		return new DistinctIterator(distinct);
	}

	Document explain() {
		Document bounds = new Document();
		for (int i = 0; i < lowers.size(); i++) {
			bounds.put(String.valueOf(i), List.of(describe(lowers.get(i)), describe(uppers.get(i))));
		}
		return new Document("stage", "IXSCAN").append("indexName", index.getName())
			.append("keyPattern", keyPattern(index))
			.append("isMultiKey", index.multikey())
			.append("direction", reverse ? "backward" : "forward")
			.append("keysExamined", estimate)
			.append("indexBounds", bounds);
	}

	static Document keyPattern(OrderedIndex index) {
		Document pattern = new Document();
		index.getKeys().forEach(key -> pattern.put(key.getKey(), key.isAscending() ? 1 : -1));
		return pattern;
	}

	private static String describe(Object[] bound) {
		StringBuilder text = new StringBuilder("[");
		for (Object value : bound) {
			text.append(text.length() > 1 ? ", " : "").append(value == Bound.MIN ? "MinKey"
					: value == Bound.MAX ? "MaxKey" : String.valueOf(value));
		}
		return text.append(']').toString();
	}

	private static final class DistinctIterator implements Iterator<Object> {

		private final Iterator<Object> source;

		private final Set<Object> seen = new java.util.HashSet<>();

		private Object next;

		private boolean ready;

		DistinctIterator(Iterator<Object> source) {
			this.source = source;
		}

		@Override
		public boolean hasNext() {
			while (!ready && source.hasNext()) {
				Object candidate = source.next();
				if (seen.add(candidate)) {
					next = candidate;
					ready = true;
				}
			}
			return ready;
		}

		@Override
		public Object next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			ready = false;
			return next;
		}
	}
}
