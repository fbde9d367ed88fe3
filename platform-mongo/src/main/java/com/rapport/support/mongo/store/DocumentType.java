package com.rapport.support.mongo.store;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Documents kept as BSON, as they came over the wire: compact, and read back without Java serialization (which the
 * library's H2 backend used, and which made reading one document cost deserialising its whole page).
 */
final class DocumentType extends BasicDataType<Document> {

	static final DocumentType INSTANCE = new DocumentType();

	private DocumentType() {
	}

	@Override
	public int getMemory(Document document) {
		return 48 + estimate(document);
	}

	private static int estimate(Object value) {
		if (value instanceof String text) {
			return 40 + 2 * text.length();
		}
		if (value instanceof Map<?, ?> map) {
			int size = 48;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += 32 + 2 * String.valueOf(entry.getKey()).length() + estimate(entry.getValue());
			}
			return size;
		}
		if (value instanceof Collection<?> values) {
			int size = 40;
			for (Object element : values) {
				size += 8 + estimate(element);
			}
			return size;
		}
		return 16;
	}

	@Override
	public void write(WriteBuffer buffer, Document document) {
		ByteBuf bson = Unpooled.buffer(256);
		try {
			BsonEncoder.encodeDocument(document, bson);
			int length = bson.readableBytes();
			buffer.putVarInt(length);
			buffer.put(bson.nioBuffer());
		}
		finally {
			bson.release();
		}
	}

	@Override
	public Document read(ByteBuffer buffer) {
		int length = DataUtils.readVarInt(buffer);
		ByteBuffer slice = buffer.slice();
		slice.limit(length);
		buffer.position(buffer.position() + length);
		return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}
}
