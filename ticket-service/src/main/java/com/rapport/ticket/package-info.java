/** Support tickets and their SLA timers by tier (assignment, escalation and the knowledge base arrive with later issues). */
package com.rapport.ticket;
