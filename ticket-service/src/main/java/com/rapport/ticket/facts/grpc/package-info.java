/** The gRPC face of the ticket facts ({@code rapport.ticket.v1.TicketFactsService}), for services alone. */
package com.rapport.ticket.facts.grpc;
