/**
 * What customer-service's growth recompute reads of the tickets (issue 16): the open-ticket counts of a page of
 * organisations in one read, instead of one list per organisation.
 */
package com.rapport.ticket.facts;
