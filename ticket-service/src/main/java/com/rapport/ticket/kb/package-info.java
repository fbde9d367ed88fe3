/**
 * The knowledge base: articles in Chinese and English by ticket category, each with a draft staff write and the
 * version a manager published; published ones are searched from an index of their words, read in the portal
 * without a login, suggested while a contact types a new request's subject, and counted as helpful or not once per
 * visitor.
 */
package com.rapport.ticket.kb;
