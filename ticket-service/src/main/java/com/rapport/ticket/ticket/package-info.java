/** Support requests and complaints of customer organisations, their status and their SLA timers. */
package com.rapport.ticket.ticket;
