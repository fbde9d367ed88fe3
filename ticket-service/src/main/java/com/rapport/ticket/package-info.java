/** Support tickets, SLA timers, assignment, escalation and the knowledge base (capabilities arrive with later issues). */
package com.rapport.ticket;
