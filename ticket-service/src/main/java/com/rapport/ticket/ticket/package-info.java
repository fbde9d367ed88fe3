/**
 * Support requests and complaints of customer organisations: raising them from every channel, their
 * conversation (public replies, internal notes), status workflow, assignment, SLA timers and lists.
 */
package com.rapport.ticket.ticket;
