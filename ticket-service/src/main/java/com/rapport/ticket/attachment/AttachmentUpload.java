package com.rapport.ticket.attachment;

/** A file someone sends with a message, as the adapters read it: the name they gave and the bytes. */
public record AttachmentUpload(String fileName, byte[] content) {

	public AttachmentUpload {
		content = content == null ? new byte[0] : content;
	}

	/** The name without any path a browser or mail client put before it, stripped; {@code file} when none. */
	public String plainName() {
		String name = fileName == null ? "" : fileName;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		return name.isEmpty() ? "file" : name;
	}
}
