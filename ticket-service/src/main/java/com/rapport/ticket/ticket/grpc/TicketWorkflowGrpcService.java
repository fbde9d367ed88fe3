package com.rapport.ticket.ticket.grpc;

import com.rapport.contracts.ticket.v1.AssignRequest;
import com.rapport.contracts.ticket.v1.ChangePriorityRequest;
import com.rapport.contracts.ticket.v1.ChangeStatusRequest;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketWorkflowServiceGrpc;
import com.rapport.support.security.Caller;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.ticket.TicketWorkflow;
import com.rapport.ticket.ticket.Transition;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** Status changes, assignment and priority; the rules are {@link TicketWorkflow}'s. */
@GrpcService
class TicketWorkflowGrpcService extends TicketWorkflowServiceGrpc.TicketWorkflowServiceImplBase {

	private final TicketWorkflow workflow;

	TicketWorkflowGrpcService(TicketWorkflow workflow) {
		this.workflow = workflow;
	}

	@Override
	public void changeStatus(ChangeStatusRequest request, StreamObserver<TicketDetail> response) {
		Caller caller = Caller.current();
		Transition transition = TicketProtos.domain(request.getTransition(), Transition.class, "transition");
		response.onNext(TicketProtos.detail(workflow.change(caller, request.getTicketId(), transition, request.getReason())));
		response.onCompleted();
	}

	@Override
	public void assign(AssignRequest request, StreamObserver<TicketDetail> response) {
		response.onNext(TicketProtos.detail(workflow.assign(Caller.current(), request.getTicketId(),
				request.getAssigneeId(), request.getAssigneeName(), request.getReason())));
		response.onCompleted();
	}

	@Override
	public void changePriority(ChangePriorityRequest request, StreamObserver<TicketDetail> response) {
		Caller caller = Caller.current();
		Priority priority = TicketProtos.domain(request.getPriority(), Priority.class, "priority");
		response.onNext(TicketProtos.detail(workflow.changePriority(caller, request.getTicketId(), priority,
				request.getReason())));
		response.onCompleted();
	}
}
