package com.rapport.support.mongo.store;

import java.util.Iterator;
import java.util.List;

import de.bwaldvogel.mongo.backend.IndexKey;

/** What the planner needs of an index: its fields and a sorted map it can count and scan between two bounds. */
interface OrderedIndex {

	String name();

	List<IndexKey> indexKeys();

	boolean sparse();

	/** Whether some document gave an array for one of the fields (then the index cannot give a sort order). */
	boolean multikey();

	/** Length of a stored key: the fields, plus the position in a non-unique index. */
	int keyLength();

	/** Entries between two bounds (both padded to {@link #keyLength()} with {@link Bound}s), in O(log n). */
	long count(Object[] lower, Object[] upper);

	/** Positions of the entries between two bounds, in key order or reversed. */
	Iterator<Object> positions(Object[] lower, Object[] upper, boolean reverse);

	long entries();

	/** Called once the index holds every document (after a build). */
	void markBuilt();

	default boolean ascending(int field) {
		return indexKeys().get(field).isAscending();
	}
}
