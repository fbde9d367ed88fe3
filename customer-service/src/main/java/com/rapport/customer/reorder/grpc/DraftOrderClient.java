package com.rapport.customer.reorder.grpc;

import com.rapport.contracts.ordertracking.v1.CreateDraftOrderRequest;
import com.rapport.contracts.ordertracking.v1.CreateDraftOrderResponse;
import com.rapport.contracts.ordertracking.v1.DraftOrderLine;
import com.rapport.contracts.ordertracking.v1.DraftOrderServiceGrpc;
import com.rapport.customer.reorder.DraftOrders;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * Makes draft orders in order-tracking-service as this service (role internal), on the reorder prediction's channel
 * {@code order-tracking-service} (its 2 s deadline) through its circuit breaker; idempotent by the request id, so a
 * retry finds the draft made.
 */
@Component
@ConditionalOnBooleanProperty(name = "rapport.growth.support-signals", matchIfMissing = true)
class DraftOrderClient implements DraftOrders {

	static final String ORDERS = "order-tracking-service";

	private final DraftOrderServiceGrpc.DraftOrderServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	DraftOrderClient(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = DraftOrderServiceGrpc.newBlockingStub(channels.createChannel(ORDERS));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	@Override
	public Made create(String organisationId, String requestId, String sku, String description, int quantity,
			String requestedBy) {
		CreateDraftOrderResponse answer = remoteCalls.read(ORDERS, () -> stub.withCallCredentials(tokens.asService())
			.createDraftOrder(CreateDraftOrderRequest.newBuilder().setCustomerId(organisationId).setRequestId(requestId)
				.addLines(DraftOrderLine.newBuilder().setSku(sku).setDescription(description == null ? "" : description)
					.setQuantity(quantity))
				.setRequestedBy(requestedBy == null ? "" : requestedBy).build()));
		return new Made(answer.getDraft().getDraftNumber(), answer.getCreated());
	}
}
