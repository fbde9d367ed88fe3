/** Macros over gRPC ({@code rapport.ticket.v1.TicketMacroService}). */
package com.rapport.ticket.macro.grpc;
