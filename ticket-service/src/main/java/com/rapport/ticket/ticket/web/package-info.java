/** The partner REST API of tickets, {@code /api/tickets/v1}: open, read, list by organisation, reply. */
package com.rapport.ticket.ticket.web;
