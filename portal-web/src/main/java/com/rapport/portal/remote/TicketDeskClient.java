package com.rapport.portal.remote;

import java.util.List;

import com.rapport.contracts.ticket.v1.AddNoteRequest;
import com.rapport.contracts.ticket.v1.AttachmentContent;
import com.rapport.contracts.ticket.v1.AttachmentUpload;
import com.rapport.contracts.ticket.v1.GetAttachmentRequest;
import com.rapport.contracts.ticket.v1.TicketAttachmentServiceGrpc.TicketAttachmentServiceBlockingStub;
import com.rapport.contracts.ticket.v1.AssignRequest;
import com.rapport.contracts.ticket.v1.ChangeStatusRequest;
import com.rapport.contracts.ticket.v1.GetTicketRequest;
import com.rapport.contracts.ticket.v1.ListTicketsRequest;
import com.rapport.contracts.ticket.v1.ListTicketsResponse;
import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.ReplyRequest;
import com.rapport.contracts.ticket.v1.TicketConversationServiceGrpc.TicketConversationServiceBlockingStub;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketIntakeServiceGrpc.TicketIntakeServiceBlockingStub;
import com.rapport.contracts.ticket.v1.TicketQueueServiceGrpc.TicketQueueServiceBlockingStub;
import com.rapport.contracts.ticket.v1.TicketTransition;
import com.rapport.contracts.ticket.v1.TicketWorkflowServiceGrpc.TicketWorkflowServiceBlockingStub;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/**
 * The support desk of ticket-service as the signed-in user works it: raising tickets, the queue, a ticket's
 * conversation, replies, internal notes and status changes. ticket-service decides what the user may see and
 * do (a customer only its organisation's tickets and never an internal note); reads are retried, writes are not.
 */
@Component
public class TicketDeskClient {

	private final TicketIntakeServiceBlockingStub intake;

	private final TicketConversationServiceBlockingStub conversation;

	private final TicketQueueServiceBlockingStub queue;

	private final TicketWorkflowServiceBlockingStub workflow;

	private final TicketAttachmentServiceBlockingStub attachments;

	private final com.rapport.contracts.ticket.v1.TicketMergeServiceGrpc.TicketMergeServiceBlockingStub merging;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	TicketDeskClient(TicketIntakeServiceBlockingStub intake, TicketConversationServiceBlockingStub conversation,
			TicketQueueServiceBlockingStub queue, TicketWorkflowServiceBlockingStub workflow,
			TicketAttachmentServiceBlockingStub attachments,
			com.rapport.contracts.ticket.v1.TicketMergeServiceGrpc.TicketMergeServiceBlockingStub merging,
			RemoteCalls remoteCalls, CallTokens tokens) {
		this.attachments = attachments;
		this.merging = merging;
		this.intake = intake;
		this.conversation = conversation;
		this.queue = queue;
		this.workflow = workflow;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	public TicketDetail open(OpenTicketRequest request) {
		return remoteCalls.write(TicketClient.REMOTE,
				() -> intake.withCallCredentials(tokens.forCurrentCaller()).openTicket(request));
	}

	public ListTicketsResponse list(ListTicketsRequest request) {
		return remoteCalls.read(TicketClient.REMOTE,
				() -> queue.withCallCredentials(tokens.forCurrentCaller()).listTickets(request));
	}

	/** The ticket by its id or number, with the conversation the caller may see. */
	public TicketDetail ticket(String ticketId) {
		return remoteCalls.read(TicketClient.REMOTE, () -> conversation.withCallCredentials(tokens.forCurrentCaller())
			.getTicket(GetTicketRequest.newBuilder().setTicketId(ticketId).build()));
	}

	public TicketDetail reply(String ticketId, String body) {
		return reply(ticketId, body, List.of());
	}

	/** A public reply carrying {@code files} (ticket-service checks and stores them, or refuses the lot). */
	public TicketDetail reply(String ticketId, String body, List<AttachmentUpload> files) {
		return remoteCalls.write(TicketClient.REMOTE, () -> conversation.withCallCredentials(tokens.forCurrentCaller())
			.reply(ReplyRequest.newBuilder().setTicketId(ticketId).setBody(body).addAllAttachments(files).build()));
	}

	/** Merges {@code duplicateId} into {@code survivorId} (ids or numbers) with a reason; answers the survivor. */
	public TicketDetail merge(String duplicateId, String survivorId, String reason) {
		return remoteCalls.write(TicketClient.REMOTE, () -> merging.withCallCredentials(tokens.forCurrentCaller())
			.mergeTicket(com.rapport.contracts.ticket.v1.MergeTicketRequest.newBuilder().setDuplicateId(duplicateId)
				.setSurvivorId(survivorId).setReason(reason).build()));
	}

	/** One attachment with its content, if the caller may read the ticket and the message it came with. */
	public AttachmentContent attachment(String ticketId, String attachmentId) {
		return remoteCalls.read(TicketClient.REMOTE, () -> attachments.withCallCredentials(tokens.forCurrentCaller())
			.getAttachment(GetAttachmentRequest.newBuilder().setTicketId(ticketId).setAttachmentId(attachmentId)
				.build()));
	}

	public TicketDetail note(String ticketId, String body) {
		return remoteCalls.write(TicketClient.REMOTE, () -> conversation.withCallCredentials(tokens.forCurrentCaller())
			.addNote(AddNoteRequest.newBuilder().setTicketId(ticketId).setBody(body).build()));
	}

	public TicketDetail changeStatus(String ticketId, TicketTransition transition, String reason) {
		return remoteCalls.write(TicketClient.REMOTE, () -> workflow.withCallCredentials(tokens.forCurrentCaller())
			.changeStatus(ChangeStatusRequest.newBuilder().setTicketId(ticketId).setTransition(transition)
				.setReason(reason).build()));
	}

	/** To {@code assigneeId} (a user name), or to the caller when it is empty. */
	public TicketDetail assign(String ticketId, String assigneeId, String reason) {
		return assign(ticketId, assigneeId, "", reason);
	}

	/** To {@code assigneeId} shown as {@code assigneeName} (empty: the user name), or to the caller. */
	public TicketDetail assign(String ticketId, String assigneeId, String assigneeName, String reason) {
		return remoteCalls.write(TicketClient.REMOTE, () -> workflow.withCallCredentials(tokens.forCurrentCaller())
			.assign(AssignRequest.newBuilder().setTicketId(ticketId).setAssigneeId(assigneeId)
				.setAssigneeName(assigneeName).setReason(reason).build()));
	}

	/** A change of priority with its reason (staff): ticket-service recomputes the running SLA targets. */
	public TicketDetail changePriority(String ticketId, com.rapport.contracts.ticket.v1.TicketPriority priority,
			String reason) {
		return remoteCalls.write(TicketClient.REMOTE, () -> workflow.withCallCredentials(tokens.forCurrentCaller())
			.changePriority(com.rapport.contracts.ticket.v1.ChangePriorityRequest.newBuilder().setTicketId(ticketId)
				.setPriority(priority).setReason(reason).build()));
	}
}
