package com.rapport.ticket.attachment;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;

import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Checks files and keeps them: each file in chunks of {@link #CHUNK_SIZE} bytes ({@code ticket_attachment_chunks},
 * ids {@code <attachment id>:<n>}, read back by id, so no other index is needed on either store). A file is
 * refused before anything is stored: larger than the limit ({@code attachment.too-large}), of a type not allowed
 * by its content ({@code attachment.type-not-allowed}), empty, badly named or one too many
 * ({@code attachment.cannot-attach}).
 */
@Component
@EnableConfigurationProperties(AttachmentProperties.class)
public class Attachments {

	static final String CHUNKS = "ticket_attachment_chunks";

	/** As GridFS's default: well under a document's 16 MB, a few reads for a file of some megabytes. */
	static final int CHUNK_SIZE = 255 * 1024;

	static final int MAX_NAME = 200;

	private final MongoTemplate mongo;

	private final AttachmentProperties properties;

	Attachments(MongoTemplate mongo, AttachmentProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	/**
	 * Checks every file and stores them all, answering how each is listed; refuses the lot, storing nothing, when
	 * any is refused. The largest refusal wins the reason: too large (413), then the type (415), then the rest.
	 */
	public List<Attachment> store(List<AttachmentUpload> uploads) {
		if (uploads == null || uploads.isEmpty()) {
			return List.of();
		}
		List<Attachment> checked = check(uploads);
		List<Document> chunks = new ArrayList<>();
		for (int i = 0; i < checked.size(); i++) {
			byte[] content = uploads.get(i).content();
			for (int n = 0; n < checked.get(i).chunks(); n++) {
				int from = n * CHUNK_SIZE;
				byte[] part = java.util.Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK_SIZE));
				chunks.add(new Document("_id", chunkId(checked.get(i), n)).append("data", new Binary(part)));
			}
		}
		mongo.insert(chunks, CHUNKS);
		return checked;
	}

	List<Attachment> check(List<AttachmentUpload> uploads) {
		Map<String, Message> fields = new LinkedHashMap<>();
		Message reason = null;
		if (uploads.size() > properties.maxCount()) {
			fields.put("attachments", Message.of("attachment.too-many", properties.maxCount()));
		}
		List<Attachment> checked = new ArrayList<>();
		long maxSize = properties.maxSize().toBytes();
		for (int i = 0; i < uploads.size(); i++) {
			AttachmentUpload upload = uploads.get(i);
			String name = upload.plainName();
			String field = "attachments[" + i + "]";
			byte[] content = upload.content();
			if (content.length == 0) {
				fields.putIfAbsent(field, Message.of("attachment.empty", name));
				continue;
			}
			if (name.length() > MAX_NAME) {
				fields.putIfAbsent(field, Message.of("attachment.name-too-long", MAX_NAME));
			}
			if (content.length > maxSize) {
				fields.putIfAbsent(field, Message.of("attachment.file-too-large", name, megabytes(maxSize)));
				reason = Message.of("attachment.too-large", megabytes(maxSize));
				continue;
			}
			String type = ContentTypes.of(content, name);
			if (!properties.allowedTypes().contains(type)) {
				fields.putIfAbsent(field, Message.of("attachment.file-type-not-allowed", name, type));
				if (reason == null) {
					reason = Message.of("attachment.type-not-allowed");
				}
				continue;
			}
			checked.add(new Attachment(UUID.randomUUID().toString(), name, type, content.length,
					(content.length + CHUNK_SIZE - 1) / CHUNK_SIZE));
		}
		if (!fields.isEmpty()) {
			throw new UnprocessableException(reason != null ? reason : Message.of("attachment.cannot-attach"), fields);
		}
		return checked;
	}

	/** The file's bytes; NOT_FOUND when a chunk is missing (a store that lost it), never a part of the file. */
	public byte[] content(Attachment attachment) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) attachment.size());
		for (int n = 0; n < attachment.chunks(); n++) {
			Document chunk = mongo.findById(chunkId(attachment, n), Document.class, CHUNKS);
			if (chunk == null) {
				throw new NotFoundException(Message.of("attachment.not-found", attachment.id()));
			}
			// The driver reads binary data as Binary; a mapping layer may already have made it byte[].
			Object data = chunk.get("data");
			bytes.writeBytes(data instanceof Binary binary ? binary.getData() : (byte[]) data);
		}
		return bytes.toByteArray();
	}

	/** Takes back what {@link #store} kept for a message that was then refused. */
	public void delete(List<Attachment> attachments) {
		List<String> ids = new ArrayList<>();
		attachments.forEach(a -> {
			for (int n = 0; n < a.chunks(); n++) {
				ids.add(chunkId(a, n));
			}
		});
		if (!ids.isEmpty()) {
			mongo.remove(Query.query(Criteria.where("_id").in(ids)), CHUNKS);
		}
	}

	private static String chunkId(Attachment attachment, int n) {
		return attachment.id() + ":" + n;
	}

	/** The limit as people say it: whole megabytes when it is some, else kilobytes ("3 MB", "512 KB"). */
	static String megabytes(long bytes) {
		return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
	}
}
