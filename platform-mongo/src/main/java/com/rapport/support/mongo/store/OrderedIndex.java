package com.rapport.support.mongo.store;

import java.util.Iterator;
import java.util.List;

import de.bwaldvogel.mongo.backend.IndexKey;

/**
 * What the planner needs of an index: its fields and the sorted map it can count and scan between two bounds.
 * {@link #getName()} and {@link #getKeys()} are the library's {@code Index} methods.
 */
interface OrderedIndex {

	String getName();

	List<IndexKey> getKeys();

	/** The sorted map behind the index. */
	IndexMap entryMap();

	boolean sparse();

	/** Length of a stored key: the fields, plus the position in a non-unique index. */
	int keyLength();

	/** Positions of the entries between two bounds, in key order or reversed. */
	Iterator<Object> positions(Object[] lower, Object[] upper, boolean reverse);

	/** Whether some document gave an array for one of the fields (then the index cannot give a sort order). */
	default boolean multikey() {
		return entryMap().multikey();
	}

	/** Entries between two bounds (both padded to {@link #keyLength()} with {@link Bound}s), in O(log n). */
	default long count(Object[] lower, Object[] upper) {
		return entryMap().count(lower, upper);
	}

	/** Called once the index holds every document (after a build). */
	default void markBuilt() {
		entryMap().markBuilt();
	}

	default boolean ascending(int field) {
		return getKeys().get(field).isAscending();
	}
}
