/** Service-level targets by customer tier, and where a ticket stands against them at any instant. */
package com.rapport.ticket.sla;
