package com.rapport.ticket.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, from its content: tika-core's magic bytes (and, for text, that it has no control bytes).
 * The name never decides: it only narrows a container the content already is (an Office document inside a zip
 * or an OLE2 file, CSV inside plain text) to the kind it names. So a program named {@code invoice.pdf} is a
 * program, and bytes nothing recognises are {@code application/octet-stream}.
 */
final class ContentTypes {

	/** Containers whose kind only the name tells (tika-core has no parsers to look inside). */
	private static final Set<MediaType> NARROWED_BY_NAME = Set.of(MediaType.TEXT_PLAIN,
			MediaType.application("x-tika-ooxml"), MediaType.application("x-tika-msoffice"));

	private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

	private ContentTypes() {
	}

	static String of(byte[] content, String fileName) {
		MediaType byContent;
		try {
			// No name in the metadata: MimeTypes would otherwise let the name pick a type the bytes do not show.
			byContent = TYPES.detect(new ByteArrayInputStream(content), new Metadata()).getBaseType();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (NARROWED_BY_NAME.contains(byContent)) {
			Metadata named = new Metadata();
			named.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
			MediaType byName;
			try {
				// Without content, MimeTypes goes by the name alone (octet-stream when it knows none).
				byName = TYPES.detect(null, named).getBaseType();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			MediaTypeRegistry registry = TYPES.getMediaTypeRegistry();
			if (registry.isSpecializationOf(byName, byContent)) {
				return byName.toString();
			}
		}
		return byContent.toString();
	}
}
