package com.rapport.ticket.ticket.grpc;

import com.rapport.contracts.ticket.v1.AddNoteRequest;
import com.rapport.contracts.ticket.v1.GetTicketRequest;
import com.rapport.contracts.ticket.v1.ReplyRequest;
import com.rapport.contracts.ticket.v1.TicketConversationServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.support.security.Caller;
import com.rapport.ticket.ticket.TicketConversation;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** A ticket with its conversation, replies and internal notes; who may see and write what is {@link TicketConversation}'s. */
@GrpcService
class TicketConversationGrpcService extends TicketConversationServiceGrpc.TicketConversationServiceImplBase {

	private final TicketConversation conversation;

	TicketConversationGrpcService(TicketConversation conversation) {
		this.conversation = conversation;
	}

	@Override
	public void getTicket(GetTicketRequest request, StreamObserver<TicketDetail> response) {
		answer(response, TicketProtos.detail(conversation.get(Caller.current(), request.getTicketId())));
	}

	@Override
	public void reply(ReplyRequest request, StreamObserver<TicketDetail> response) {
		answer(response, TicketProtos.detail(conversation.reply(Caller.current(), request.getTicketId(), request.getBody(),
				TicketProtos.uploads(request.getAttachmentsList()))));
	}

	@Override
	public void addNote(AddNoteRequest request, StreamObserver<TicketDetail> response) {
		answer(response,
				TicketProtos.detail(conversation.addNote(Caller.current(), request.getTicketId(), request.getBody())));
	}

	private static void answer(StreamObserver<TicketDetail> response, TicketDetail detail) {
		response.onNext(detail);
		response.onCompleted();
	}
}
