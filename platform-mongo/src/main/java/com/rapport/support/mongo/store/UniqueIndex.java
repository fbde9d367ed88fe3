package com.rapport.support.mongo.store;

import java.util.AbstractMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map.Entry;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A unique index (including {@code _id}) as the library checks it, kept in a map sorted in MongoDB's order of
 * values, so that the planner can also scan ranges and read sort orders from it.
 */
final class UniqueIndex extends AbstractUniqueIndex<Object> implements OrderedIndex {

	private final IndexMap entries;

	private final MVMap<Object[], Object> map;

	UniqueIndex(String name, List<IndexKey> keys, boolean sparse, String mapName, IndexCatalog catalog) {
		super(name, keys, sparse);
		this.entries = new IndexMap(mapName, keys, catalog);
		this.map = entries.map();
	}

	private static Object[] values(KeyValue keyValue) {
		return keyValue.stream().toArray();
	}

	@Override
	protected Object removeDocument(KeyValue keyValue) {
		return map.remove(values(keyValue));
	}

	@Override
	protected boolean putKeyPosition(KeyValue keyValue, Object position) {
		return map.putIfAbsent(values(keyValue), Missing.ofNullable(position)) == null;
	}

	@Override
	public void add(Document document, Object position, de.bwaldvogel.mongo.MongoCollection<Object> collection) {
		if (!entries.multikey() && getKeys().stream().anyMatch(key -> de.bwaldvogel.mongo.backend.Utils
			.getSubdocumentValueCollectionAware(document, key.getKey()) instanceof java.util.Collection)) {
			entries.noteMultikey();
		}
		super.add(document, position, collection);
		entries.added();
	}

	/** An update that left this index's fields as they were cannot clash with another document's key. */
	@Override
	public synchronized void checkUpdate(Document oldDocument, Document newDocument,
			de.bwaldvogel.mongo.MongoCollection<Object> collection) {
		if (!UntouchedFields.untouched(oldDocument, newDocument, getKeys())) {
			super.checkUpdate(oldDocument, newDocument, collection);
		}
	}

	/** Nothing to move when the update left this index's fields as they were ({@link UntouchedFields}). */
	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, Object position,
			de.bwaldvogel.mongo.MongoCollection<Object> collection) {
		if (!UntouchedFields.untouched(oldDocument, newDocument, getKeys())) {
			super.updateInPlace(oldDocument, newDocument, position, collection);
		}
	}

	@Override
	protected Iterable<Entry<KeyValue, Object>> getIterable() {
		return () -> {
			Cursor<Object[], Object> cursor = map.cursor(null);
			return new Iterator<>() {
				@Override
				public boolean hasNext() {
					return cursor.hasNext();
				}

				@Override
				public Entry<KeyValue, Object> next() {
					Object[] key = cursor.next();
					return new AbstractMap.SimpleImmutableEntry<>(new KeyValue(key), cursor.getValue());
				}
			};
		};
	}

	@Override
	protected Object getPosition(KeyValue keyValue) {
		return map.get(values(keyValue));
	}

	@Override
	public boolean canHandle(Document query) {
		return false;
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
		return getKeys().size();
	}

	@Override
	public Iterator<Object> positions(Object[] lower, Object[] upper, boolean reverse) {
		return entries.positions(lower, upper, reverse, (key, position) -> position);
	}
}
