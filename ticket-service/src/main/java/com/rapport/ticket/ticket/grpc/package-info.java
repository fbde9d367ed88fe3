/** The gRPC face of tickets ({@code rapport.ticket.v1.TicketService}), used by portal-web's customer 360. */
package com.rapport.ticket.ticket.grpc;
