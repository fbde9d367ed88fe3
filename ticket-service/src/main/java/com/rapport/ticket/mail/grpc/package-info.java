/** The support mailbox's triage as staff work it in the console, over gRPC ({@code TicketMailTriageService}). */
package com.rapport.ticket.mail.grpc;
