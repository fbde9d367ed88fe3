/** The knowledge base over gRPC ({@code rapport.ticket.v1.TicketKnowledgeBaseService}). */
package com.rapport.ticket.kb.grpc;
