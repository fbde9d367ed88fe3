/** The support teams and bulk assignment over gRPC ({@code rapport.ticket.v1.TicketAssignmentService}). */
package com.rapport.ticket.assignment.grpc;
