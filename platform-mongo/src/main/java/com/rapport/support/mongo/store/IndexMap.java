package com.rapport.support.mongo.store;

import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;

import de.bwaldvogel.mongo.backend.IndexKey;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * The sorted map behind an index, and what it says of itself in the {@link IndexCatalog}: a map whose build did not
 * finish is dropped when opened (the collection builds it again), and whether it is multikey.
 */
final class IndexMap {

	private final MVMap<Object[], Object> map;

	private final String name;

	private final IndexCatalog catalog;

	private volatile boolean multikey;

	private volatile boolean built;

	IndexMap(String name, List<IndexKey> keys, IndexCatalog catalog) {
		this.name = name;
		this.catalog = catalog;
		if (!catalog.isBuilt(name) && catalog.store().hasMap(name)) {
			catalog.store().removeMap(name);
		}
		boolean[] ascending = new boolean[keys.size()];
		for (int i = 0; i < ascending.length; i++) {
			ascending[i] = keys.get(i).isAscending();
		}
		this.map = catalog.store().openMap(name, new MVMap.Builder<Object[], Object>()
			.keyType(new IndexKeyType(ascending)).valueType(PositionType.INSTANCE));
		this.multikey = catalog.isMultikey(name);
		this.built = catalog.isBuilt(name);
	}

	MVMap<Object[], Object> map() {
		return map;
	}

	boolean multikey() {
		return multikey;
	}

	void noteMultikey() {
		if (!multikey) {
			multikey = true;
			catalog.markMultikey(name);
		}
	}

	/**
	 * Whether the map holds every document. The library builds an index that says it is empty from every document
	 * when the collection opens: a built index that no document enters (a sparse index on a field nobody has yet)
	 * must not say so, or each start reads the whole collection again (80 s for a million orders).
	 */
	boolean built() {
		return built;
	}

	/** An entry was put: while the index is being built, the build's unsaved pages are written out now and then. */
	void added() {
		if (!built) {
			catalog.buildProgressed();
		}
	}

	void markBuilt() {
		if (!built) {
			catalog.markBuilt(name, multikey);
			built = true;
		}
	}

	void forget() {
		catalog.forget(name);
		built = false;
	}

	/** Entries between two bounds, both inclusive, in O(log n). */
	long count(Object[] lower, Object[] upper) {
		long from = map.getKeyIndex(lower);
		long to = map.getKeyIndex(upper);
		return (to >= 0 ? to + 1 : -(to + 1)) - (from >= 0 ? from : -(from + 1));
	}

	/** What {@code position} reads from each entry between two bounds, in key order or reversed. */
	Iterator<Object> positions(Object[] lower, Object[] upper, boolean reverse,
			BiFunction<Object[], Object, Object> position) {
		Cursor<Object[], Object> cursor = reverse ? map.cursor(upper, lower, true) : map.cursor(lower, upper, false);
		return new Iterator<>() {
			@Override
			public boolean hasNext() {
				return cursor.hasNext();
			}

			@Override
			public Object next() {
				Object[] key = cursor.next();
				return position.apply(key, cursor.getValue());
			}
		};
	}
}
