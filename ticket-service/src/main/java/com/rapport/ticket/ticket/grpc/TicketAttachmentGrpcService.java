package com.rapport.ticket.ticket.grpc;

import com.google.protobuf.ByteString;
import com.rapport.contracts.ticket.v1.AttachmentContent;
import com.rapport.contracts.ticket.v1.GetAttachmentRequest;
import com.rapport.contracts.ticket.v1.TicketAttachmentServiceGrpc;
import com.rapport.support.security.Caller;
import com.rapport.ticket.ticket.TicketAttachments;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** One attachment's content after the ticket's access check ({@link TicketAttachments}). */
@GrpcService
class TicketAttachmentGrpcService extends TicketAttachmentServiceGrpc.TicketAttachmentServiceImplBase {

	private final TicketAttachments attachments;

	TicketAttachmentGrpcService(TicketAttachments attachments) {
		this.attachments = attachments;
	}

	@Override
	public void getAttachment(GetAttachmentRequest request, StreamObserver<AttachmentContent> response) {
		TicketAttachments.File file = attachments.get(Caller.current(), request.getTicketId(),
				request.getAttachmentId());
		response.onNext(AttachmentContent.newBuilder().setAttachment(TicketProtos.attachment(file.attachment()))
			.setContent(ByteString.copyFrom(file.content())).build());
		response.onCompleted();
	}
}
