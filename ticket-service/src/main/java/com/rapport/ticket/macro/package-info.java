/**
 * Macros: standard answers in Chinese and English with placeholders (contact name, ticket number, order number),
 * kept by managers and filled in for a ticket in its contact's language when staff insert one into a reply.
 */
package com.rapport.ticket.macro;
