/** Tickets raised by partner systems through the gateway. */
package com.rapport.benchmarks.tickets;
