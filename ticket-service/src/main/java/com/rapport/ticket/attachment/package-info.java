/**
 * Attachments: files sent with a ticket's messages, checked (size, and type by content) before anything is
 * stored, kept in chunks in the service's MongoDB and read back whole; who may read one is the ticket's concern.
 */
package com.rapport.ticket.attachment;
