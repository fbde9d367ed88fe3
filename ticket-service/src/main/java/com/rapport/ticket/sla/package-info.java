/**
 * Service-level targets: policies by customer tier and ticket priority (first response, next reply, resolution),
 * business calendars whose working time the targets count, the settings managers change, and where a ticket
 * stands against its targets at any instant.
 */
package com.rapport.ticket.sla;
