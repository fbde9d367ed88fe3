package com.rapport.support.mongo.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A document as the BSON bytes the store keeps, decoded only when someone reads it. The MVStore reads a whole page
 * of documents to reach one; kept as bytes, the others on the page cost a copy instead of a decoding (a page of a
 * million-order file holds a dozen orders, a listing of 20 reads 20 pages), and the page cache holds several times
 * more documents than it did as decoded objects. Every read decodes afresh, so no caller can change what another
 * reads.
 *
 * @param bson the document's BSON encoding (not to be changed)
 */
record StoredDocument(byte[] bson) {

	static StoredDocument of(Document document) {
		ByteBuf buffer = Unpooled.buffer(256);
		try {
			BsonEncoder.encodeDocument(document, buffer);
			byte[] bytes = new byte[buffer.readableBytes()];
			buffer.readBytes(bytes);
			return new StoredDocument(bytes);
		}
		finally {
			buffer.release();
		}
	}

	Document document() {
		return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
	}
}
