package com.rapport.ticket.attachment;

/**
 * A stored file as a message lists it: {@code contentType} is what its content was found to be (never what the
 * sender said), {@code chunks} how many chunks hold its {@code size} bytes.
 */
public record Attachment(String id, String fileName, String contentType, long size, int chunks) {
}
