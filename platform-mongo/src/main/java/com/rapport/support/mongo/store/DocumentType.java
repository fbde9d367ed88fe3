package com.rapport.support.mongo.store;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Documents kept as BSON, as they came over the wire: compact, and read back without Java serialization (which the
 * library's H2 backend used, and which made reading one document cost deserialising its whole page). A page read
 * copies each document's bytes; a document is decoded when it is read ({@link StoredDocument}). On disk: the length
 * as a variable-size int, then the BSON.
 */
final class DocumentType extends BasicDataType<StoredDocument> {

	static final DocumentType INSTANCE = new DocumentType();

	private DocumentType() {
	}

	/**
	 * Four times the bytes, about what the document takes decoded: MVStore splits pages by this count too, and small
	 * pages keep what a durable write of one document rewrites small (and what a read of one copies). Pages hold as
	 * many documents as they did when the cache kept them decoded, and the cache as many pages, in a quarter of the
	 * heap.
	 */
	@Override
	public int getMemory(StoredDocument document) {
		return 32 + 4 * document.bson().length;
	}

	@Override
	public void write(WriteBuffer buffer, StoredDocument document) {
		buffer.putVarInt(document.bson().length);
		buffer.put(document.bson());
	}

	@Override
	public StoredDocument read(ByteBuffer buffer) {
		byte[] bson = new byte[DataUtils.readVarInt(buffer)];
		buffer.get(bson);
		return new StoredDocument(bson);
	}

	@Override
	public StoredDocument[] createStorage(int size) {
		return new StoredDocument[size];
	}
}
