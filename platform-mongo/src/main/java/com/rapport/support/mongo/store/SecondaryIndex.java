package com.rapport.support.mongo.store;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index (single field, compound, multikey, sparse) kept in the MVStore as a sorted map from
 * (values…, position) to a marker. Maintained on every insert, update and delete; answers the planner's range
 * scans and counts.
 */
final class SecondaryIndex extends Index<Object> implements OrderedIndex {

	private final IndexMap entries;

	private final MVMap<Object[], Object> map;

	private final Function<Document, Object> positionOf;

	SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, String mapName, IndexCatalog catalog,
			Function<Document, Object> positionOf) {
		super(name, keys, sparse);
		this.entries = new IndexMap(mapName, keys, catalog);
		this.map = entries.map();
		this.positionOf = positionOf;
	}

	@Override
	public Object getPosition(Document document) {
		return null;
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
	}

	@Override
	public void add(Document document, Object position, MongoCollection<Object> collection) {
		put(IndexEntries.of(document, getKeys(), isSparse()), position);
	}

	private void put(IndexEntries entries, Object position) {
		if (entries.multikey()) {
			this.entries.noteMultikey();
		}
		for (Object[] values : entries.values()) {
			map.put(withPosition(values, position), Boolean.TRUE);
		}
		this.entries.added();
	}

	@Override
	public Object remove(Document document) {
		IndexEntries entries = IndexEntries.of(document, getKeys(), isSparse());
		Object position = positionOf.apply(document);
		if (entries.values().isEmpty()) {
			return isSparse() ? null : position;
		}
		for (Object[] values : entries.values()) {
			map.remove(withPosition(values, position));
		}
		return position;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		if (UntouchedFields.untouched(oldDocument, newDocument, getKeys())) {
			return;
		}
		IndexEntries before = IndexEntries.of(oldDocument, getKeys(), isSparse());
		IndexEntries after = IndexEntries.of(newDocument, getKeys(), isSparse());
		if (before.sameAs(after)) {
			return;
		}
		for (Object[] values : before.values()) {
			map.remove(withPosition(values, position));
		}
		put(after, position);
	}

	private static Object[] withPosition(Object[] values, Object position) {
		Object[] key = Arrays.copyOf(values, values.length + 1);
		key[values.length] = position;
		return key;
	}

	@Override
	public boolean canHandle(Document query) {
		return false;
	}

	@Override
	public Iterable<Object> getPositions(Document query) {
		throw new UnsupportedOperationException("The store's planner scans " + this + " itself");
	}

	@Override
	public long getCount() {
		return map.sizeAsLong();
	}

	@Override
	public boolean isEmpty() {
		return !entries.built() && map.isEmpty();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	public void drop() {
		entries.forget();
	}

	@Override
	public IndexMap entryMap() {
		return entries;
	}

	@Override
	public boolean sparse() {
		return isSparse();
	}

	@Override
	public int keyLength() {
		return getKeys().size() + 1;
	}

	@Override
	public Iterator<Object> positions(Object[] lower, Object[] upper, boolean reverse) {
		int positionField = getKeys().size();
		return entries.positions(lower, upper, reverse, (key, marker) -> key[positionField]);
	}
}
