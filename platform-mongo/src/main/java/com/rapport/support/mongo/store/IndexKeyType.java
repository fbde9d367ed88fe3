package com.rapport.support.mongo.store;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The keys of an ordered index: an array of the document's values for the index's fields, in MongoDB's order of
 * values (the library's {@link ValueComparator}) with each field's direction, followed (in non-unique indexes) by
 * the document's position, so that equal values keep one entry per document. {@link Bound} values pad the bounds of
 * a scan.
 */
final class IndexKeyType extends BasicDataType<Object[]> {

	private final boolean[] ascending;

	IndexKeyType(boolean[] ascending) {
		this.ascending = ascending.clone();
	}

	@Override
	public int compare(Object[] a, Object[] b) {
		int length = Math.min(a.length, b.length);
		for (int i = 0; i < length; i++) {
			int cmp = compareValues(a[i], b[i], i >= ascending.length || ascending[i]);
			if (cmp != 0) {
				return cmp;
			}
		}
		return Integer.compare(a.length, b.length);
	}

	static int compareValues(Object x, Object y, boolean ascending) {
		if (x == y) {
			return 0;
		}
		if (x == Bound.MIN || y == Bound.MAX) {
			return -1;
		}
		if (x == Bound.MAX || y == Bound.MIN) {
			return 1;
		}
		int cmp;
		// The usual keys first, as the library compares two of a kind (a binary search of the documents' map makes
		// a dozen comparisons of _ids per document read); everything else as MongoDB orders values.
		if (x instanceof String a && y instanceof String b) {
			cmp = a.compareTo(b);
		}
		else if (x instanceof ObjectId a && y instanceof ObjectId b) {
			cmp = a.compareTo(b);
		}
		else {
			cmp = ValueComparator.asc().compare(x, y);
		}
		return ascending ? cmp : -cmp;
	}

	@Override
	public int getMemory(Object[] key) {
		int memory = 24;
		for (Object value : key) {
			memory += ValueCodec.memory(value);
		}
		return memory;
	}

	@Override
	public void write(WriteBuffer buffer, Object[] key) {
		buffer.putVarInt(key.length);
		for (Object value : key) {
			ValueCodec.write(buffer, value);
		}
	}

	@Override
	public Object[] read(ByteBuffer buffer) {
		Object[] key = new Object[DataUtils.readVarInt(buffer)];
		for (int i = 0; i < key.length; i++) {
			key[i] = ValueCodec.read(buffer);
		}
		return key;
	}

	@Override
	public Object[][] createStorage(int size) {
		return new Object[size][];
	}
}
