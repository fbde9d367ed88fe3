/** The gRPC face of the SLA settings ({@code rapport.ticket.v1.TicketSlaSettingsService}): policies and calendars. */
package com.rapport.ticket.sla.grpc;
