package com.rapport.ticket.mail.grpc;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ticket.v1.DiscardTriageMailRequest;
import com.rapport.contracts.ticket.v1.DiscardTriageMailResponse;
import com.rapport.contracts.ticket.v1.ListTriageMailsRequest;
import com.rapport.contracts.ticket.v1.ListTriageMailsResponse;
import com.rapport.contracts.ticket.v1.OpenTicketFromMailRequest;
import com.rapport.contracts.ticket.v1.OpenTicketFromMailResponse;
import com.rapport.contracts.ticket.v1.TicketMailTriageServiceGrpc;
import com.rapport.contracts.ticket.v1.TriageMail;
import com.rapport.support.security.Caller;
import com.rapport.ticket.mail.InboundMail;
import com.rapport.ticket.mail.MailTriage;
import com.rapport.ticket.ticket.Category;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketKind;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The support mailbox's triage for the console; the rules are {@link MailTriage}'s. */
@GrpcService
class MailTriageGrpcService extends TicketMailTriageServiceGrpc.TicketMailTriageServiceImplBase {

	private final MailTriage triage;

	MailTriageGrpcService(MailTriage triage) {
		this.triage = triage;
	}

	@Override
	public void listTriageMails(ListTriageMailsRequest request, StreamObserver<ListTriageMailsResponse> response) {
		MailTriage.Waiting waiting = triage.waiting(Caller.current(), request.getPageSize());
		ListTriageMailsResponse.Builder answer = ListTriageMailsResponse.newBuilder()
			.setTotalCount((int) Math.min(Integer.MAX_VALUE, waiting.total()));
		waiting.mails().forEach(mail -> answer.addMails(toProto(mail)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void openTicketFromMail(OpenTicketFromMailRequest request,
			StreamObserver<OpenTicketFromMailResponse> response) {
		Caller caller = Caller.current();
		Ticket opened = triage.openTicket(caller, request.getMailId(), request.getCustomerId(), request.getContactId(),
				request.getRequesterName(), kind(request), category(request));
		response.onNext(OpenTicketFromMailResponse.newBuilder().setTicketId(opened.id())
			.setTicketNumber(opened.number()).build());
		response.onCompleted();
	}

	@Override
	public void discardTriageMail(DiscardTriageMailRequest request,
			StreamObserver<DiscardTriageMailResponse> response) {
		triage.discard(Caller.current(), request.getMailId());
		response.onNext(DiscardTriageMailResponse.getDefaultInstance());
		response.onCompleted();
	}

	private static TicketKind kind(OpenTicketFromMailRequest request) {
		return switch (request.getKind()) {
			case TICKET_KIND_COMPLAINT -> TicketKind.COMPLAINT;
			case TICKET_KIND_REQUEST -> TicketKind.REQUEST;
			default -> null;
		};
	}

	private static Category category(OpenTicketFromMailRequest request) {
		return switch (request.getCategory()) {
			case TICKET_CATEGORY_QUESTION -> Category.QUESTION;
			case TICKET_CATEGORY_DELIVERY -> Category.DELIVERY;
			case TICKET_CATEGORY_QUALITY -> Category.QUALITY;
			case TICKET_CATEGORY_BILLING -> Category.BILLING;
			case TICKET_CATEGORY_TECHNICAL -> Category.TECHNICAL;
			default -> null;
		};
	}

	private static TriageMail toProto(InboundMail mail) {
		TriageMail.Builder proto = TriageMail.newBuilder().setId(mail.id()).setFromAddress(text(mail.fromAddress()))
			.setFromName(text(mail.fromName())).setSubject(text(mail.subject())).setBody(text(mail.body()))
			.setReason(text(mail.reason())).setTicketNumber(text(mail.ticketNumber()));
		if (mail.receivedAt() != null) {
			proto.setReceivedAt(Timestamp.newBuilder().setSeconds(mail.receivedAt().getEpochSecond())
				.setNanos(mail.receivedAt().getNano()));
		}
		return proto.build();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
