package com.rapport.ticket.attachment;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code rapport.tickets.attachments.*}: the largest file (larger: 413), how many files one message may carry,
 * and the types allowed (by content; others: 415).
 */
@ConfigurationProperties("rapport.tickets.attachments")
public record AttachmentProperties(DataSize maxSize, Integer maxCount, List<String> allowedTypes) {

	/** PDF, pictures, plain text and CSV, and Word, Excel and PowerPoint documents (old and new). */
	public static final List<String> DEFAULT_TYPES = List.of("application/pdf", "image/png", "image/jpeg",
			"image/gif", "image/webp", "text/plain", "text/csv", "application/msword", "application/vnd.ms-excel",
			"application/vnd.ms-powerpoint",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation");

	public AttachmentProperties {
		maxSize = maxSize == null ? DataSize.ofMegabytes(3) : maxSize;
		maxCount = maxCount == null ? 3 : maxCount;
		allowedTypes = allowedTypes == null || allowedTypes.isEmpty() ? DEFAULT_TYPES : List.copyOf(allowedTypes);
		if (maxSize.toBytes() < 1 || maxCount < 1 || maxCount > 20) {
			throw new IllegalArgumentException(
					"rapport.tickets.attachments: max-size must be positive and max-count 1-20");
		}
	}

	public static AttachmentProperties defaults() {
		return new AttachmentProperties(null, null, null);
	}
}
