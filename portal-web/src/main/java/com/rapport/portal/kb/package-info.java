/**
 * The knowledge base's pages: the public articles ({@code /kb}, no login: read, searched and rated by any visitor),
 * the suggestions a contact gets while typing a new request's subject, and the console's articles (staff write
 * drafts, managers publish). ticket-service keeps the articles and decides who may do what.
 */
package com.rapport.portal.kb;
