package com.rapport.portal.remote;

import java.util.List;

import com.rapport.contracts.ordertracking.v1.GetReminderCadenceRequest;
import com.rapport.contracts.ordertracking.v1.Instalment;
import com.rapport.contracts.ordertracking.v1.Invoice;
import com.rapport.contracts.ordertracking.v1.ListInvoicesRequest;
import com.rapport.contracts.ordertracking.v1.ReceivablesServiceGrpc;
import com.rapport.contracts.ordertracking.v1.RecordInstalmentPlanRequest;
import com.rapport.contracts.ordertracking.v1.RecordPromiseToPayRequest;
import com.rapport.contracts.ordertracking.v1.ReminderCadence;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * Invoices and their reminder cadence, kept by order-tracking-service, which decides who sees what (a contact its own
 * organisation's, staff everyone's); as the signed-in user.
 */
@Component
public class ReceivablesClient {

	private final ReceivablesServiceGrpc.ReceivablesServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	ReceivablesClient(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = ReceivablesServiceGrpc.newBlockingStub(channels.createChannel(OrderClient.REMOTE));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** Newest due date first; {@code customerId} empty for everyone's (staff), ignored for a customer. */
	public List<Invoice> invoices(String customerId, boolean openOnly) {
		return remoteCalls.read(OrderClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listInvoices(ListInvoicesRequest.newBuilder().setCustomerId(customerId == null ? "" : customerId)
				.setOpenOnly(openOnly).setPageSize(200).build())
			.getInvoicesList());
	}

	public Invoice promise(String invoiceId, String payBy, String note) {
		return remoteCalls.write(OrderClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.recordPromiseToPay(RecordPromiseToPayRequest.newBuilder().setInvoiceId(invoiceId).setPayBy(payBy)
				.setNote(note).build()));
	}

	public Invoice instalments(String invoiceId, List<Instalment> parts, String note) {
		return remoteCalls.write(OrderClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.recordInstalmentPlan(RecordInstalmentPlanRequest.newBuilder().setInvoiceId(invoiceId)
				.addAllInstalments(parts).setNote(note).build()));
	}

	public ReminderCadence cadence() {
		return remoteCalls.read(OrderClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getReminderCadence(GetReminderCadenceRequest.getDefaultInstance()));
	}

	public ReminderCadence updateCadence(List<Integer> offsets) {
		return remoteCalls.write(OrderClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.updateReminderCadence(ReminderCadence.newBuilder().addAllOffsetsDays(offsets).build()));
	}
}
