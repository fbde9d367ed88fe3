/** ticket-service's {@code TicketIntakeService} as the follow-ups' {@code TicketDesk}. */
package com.rapport.feedback.followup.grpc;
