package com.rapport.ticket.ticket.grpc;

import com.rapport.contracts.ticket.v1.TicketAttachmentServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketConversationServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketIntakeServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketQueueServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketWorkflowServiceGrpc;
import com.rapport.support.grpc.CallTokens;
import com.rapport.ticket.ticket.TicketDeskTest;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;

/** The desk's gRPC services as one caller (a test token) reaches them in process, for the {@link TicketDeskTest}s. */
final class DeskStubs {

	static final ManagedChannel channel = InProcessChannelBuilder.forName(TicketDeskTest.SERVER).directExecutor()
		.build();

	private DeskStubs() {
	}

	static TicketIntakeServiceGrpc.TicketIntakeServiceBlockingStub intake(String token) {
		return TicketIntakeServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	static TicketConversationServiceGrpc.TicketConversationServiceBlockingStub conversation(String token) {
		return TicketConversationServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	static TicketWorkflowServiceGrpc.TicketWorkflowServiceBlockingStub workflow(String token) {
		return TicketWorkflowServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	static TicketQueueServiceGrpc.TicketQueueServiceBlockingStub queue(String token) {
		return TicketQueueServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	static TicketAttachmentServiceGrpc.TicketAttachmentServiceBlockingStub files(String token) {
		return TicketAttachmentServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	static com.rapport.contracts.ticket.v1.TicketCommitmentServiceGrpc.TicketCommitmentServiceBlockingStub commitments(
			String token) {
		return com.rapport.contracts.ticket.v1.TicketCommitmentServiceGrpc.newBlockingStub(channel)
			.withCallCredentials(CallTokens.bearer(token));
	}

	/** The refusal a call ends in; a call that succeeds fails the test. */
	static StatusRuntimeException failure(Runnable call) {
		try {
			call.run();
		}
		catch (StatusRuntimeException ex) {
			return ex;
		}
		throw new AssertionError("expected the call to fail");
	}
}
