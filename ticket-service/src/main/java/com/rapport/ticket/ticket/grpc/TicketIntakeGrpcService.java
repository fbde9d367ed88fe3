package com.rapport.ticket.ticket.grpc;

import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketIntakeServiceGrpc;
import com.rapport.support.security.Caller;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.ticket.Category;
import com.rapport.ticket.ticket.Channel;
import com.rapport.ticket.ticket.Severity;
import com.rapport.ticket.ticket.TicketIntake;
import com.rapport.ticket.ticket.TicketKind;
import com.rapport.ticket.ticket.TicketRequest;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** Raising tickets from the portal, the console and other services; the rules are {@link TicketIntake}'s. */
@GrpcService
class TicketIntakeGrpcService extends TicketIntakeServiceGrpc.TicketIntakeServiceImplBase {

	private final TicketIntake intake;

	TicketIntakeGrpcService(TicketIntake intake) {
		this.intake = intake;
	}

	@Override
	public void openTicket(OpenTicketRequest request, StreamObserver<TicketDetail> response) {
		Caller caller = Caller.current();
		TicketRequest ticket = new TicketRequest(request.getCustomerId(), request.getSubject(), request.getBody(),
				TicketProtos.domain(request.getKind(), TicketKind.class, "kind"),
				TicketProtos.domain(request.getCategory(), Category.class, "category"),
				TicketProtos.domain(request.getSeverity(), Severity.class, "severity"),
				TicketProtos.domain(request.getPriority(), Priority.class, "priority"), request.getOrderNumber(),
				TicketProtos.domain(request.getChannel(), Channel.class, "channel"), request.getContactId(),
				request.getRequesterName(), request.getRequesterEmail());
		response.onNext(TicketProtos.detail(intake.open(caller, ticket, request.getIdempotencyKey(),
				TicketProtos.uploads(request.getAttachmentsList()))));
		response.onCompleted();
	}
}
