package com.rapport.support.mongo.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/**
 * Writes one index value compactly: a tag byte, then the common BSON types in a few bytes each; anything else
 * (sub-documents, lists, binary data, decimals) through Java serialization, which the library's documents support.
 */
final class ValueCodec {

	private static final byte NULL = 0;
	private static final byte MISSING = 1;
	private static final byte FALSE = 2;
	private static final byte TRUE = 3;
	private static final byte DOUBLE = 4;
	private static final byte LONG = 5;
	private static final byte INTEGER = 6;
	private static final byte STRING = 7;
	private static final byte INSTANT = 8;
	private static final byte OBJECT_ID = 9;
	private static final byte UUID_VALUE = 10;
	private static final byte MIN = 11;
	private static final byte MAX = 12;
	private static final byte SERIALIZED = 99;

	private ValueCodec() {
	}

	static void write(WriteBuffer buffer, Object value) {
		if (value == null) {
			buffer.put(NULL);
		}
		else if (value instanceof Missing) {
			buffer.put(MISSING);
		}
		else if (value instanceof Boolean bool) {
			buffer.put(bool ? TRUE : FALSE);
		}
		else if (value instanceof Double number) {
			buffer.put(DOUBLE).putDouble(number);
		}
		else if (value instanceof Long number) {
			buffer.put(LONG).putLong(number);
		}
		else if (value instanceof Integer number) {
			buffer.put(INTEGER).putInt(number);
		}
		else if (value instanceof String text) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			buffer.put(STRING).putVarInt(bytes.length).put(bytes);
		}
		else if (value instanceof Instant instant) {
			buffer.put(INSTANT).putLong(instant.getEpochSecond()).putInt(instant.getNano());
		}
		else if (value instanceof ObjectId objectId) {
			buffer.put(OBJECT_ID).put(objectId.toByteArray());
		}
		else if (value instanceof UUID uuid) {
			buffer.put(UUID_VALUE).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
		}
		else if (value == Bound.MIN) {
			buffer.put(MIN);
		}
		else if (value == Bound.MAX) {
			buffer.put(MAX);
		}
		else {
			byte[] bytes = serialize(value);
			buffer.put(SERIALIZED).putVarInt(bytes.length).put(bytes);
		}
	}

	static Object read(ByteBuffer buffer) {
		byte tag = buffer.get();
		switch (tag) {
			case NULL:
				return null;
			case MISSING:
				return Missing.getInstance();
			case FALSE:
				return Boolean.FALSE;
			case TRUE:
				return Boolean.TRUE;
			case DOUBLE:
				return buffer.getDouble();
			case LONG:
				return buffer.getLong();
			case INTEGER:
				return buffer.getInt();
			case STRING: {
				byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
				buffer.get(bytes);
				return new String(bytes, StandardCharsets.UTF_8);
			}
			case INSTANT:
				return Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
			case OBJECT_ID: {
				byte[] bytes = new byte[12];
				buffer.get(bytes);
				return new ObjectId(bytes);
			}
			case UUID_VALUE:
				return new UUID(buffer.getLong(), buffer.getLong());
			case MIN:
				return Bound.MIN;
			case MAX:
				return Bound.MAX;
			case SERIALIZED: {
				byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
				buffer.get(bytes);
				return deserialize(bytes);
			}
			default:
				throw new IllegalStateException("Unknown index value tag " + tag);
		}
	}

	static int memory(Object value) {
		if (value instanceof String text) {
			return 24 + 2 * text.length();
		}
		return value == null || value instanceof Boolean || value instanceof Bound ? 8 : 32;
	}

	private static byte[] serialize(Object value) {
		if (!(value instanceof Serializable)) {
			throw new IllegalArgumentException("Cannot index a value of type " + value.getClass().getName());
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static Object deserialize(byte[] bytes) {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			return in.readObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
