/** The ticket figures over gRPC ({@code rapport.ticket.v1.TicketFiguresService}). */
package com.rapport.ticket.figures.grpc;
