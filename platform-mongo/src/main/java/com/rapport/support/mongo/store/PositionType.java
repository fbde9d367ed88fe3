package com.rapport.support.mongo.store;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** The values of an ordered index: a document's position (its {@code _id}), or a marker. */
final class PositionType extends BasicDataType<Object> {

	static final PositionType INSTANCE = new PositionType();

	private PositionType() {
	}

	@Override
	public int getMemory(Object value) {
		return ValueCodec.memory(value);
	}

	@Override
	public void write(WriteBuffer buffer, Object value) {
		ValueCodec.write(buffer, value);
	}

	@Override
	public Object read(ByteBuffer buffer) {
		return ValueCodec.read(buffer);
	}

	@Override
	public Object[] createStorage(int size) {
		return new Object[size];
	}
}
