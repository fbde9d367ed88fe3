package com.rapport.portal.remote;

import java.util.List;

import com.rapport.contracts.customer.v1.ListMyReordersRequest;
import com.rapport.contracts.customer.v1.OrderAsLastTimeRequest;
import com.rapport.contracts.customer.v1.OrderAsLastTimeResponse;
import com.rapport.contracts.customer.v1.ReadReorderLinkRequest;
import com.rapport.contracts.customer.v1.ReorderLink;
import com.rapport.contracts.customer.v1.ReorderServiceGrpc;
import com.rapport.contracts.customer.v1.UpcomingReorder;
import com.rapport.contracts.ordertracking.v1.DraftOrder;
import com.rapport.contracts.ordertracking.v1.DraftOrderServiceGrpc;
import com.rapport.contracts.ordertracking.v1.ListDraftOrdersRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * "Reorder as last time" with the signed-in contact's token: its organisation's upcoming reorders and reminder links
 * in customer-service, and the draft orders they made in order-tracking-service. The services decide who may do
 * what; ordering is never retried here (customer-service makes one draft per expected reorder anyway).
 */
@Component
public class ReorderClient {

	private final ReorderServiceGrpc.ReorderServiceBlockingStub reorders;

	private final DraftOrderServiceGrpc.DraftOrderServiceBlockingStub drafts;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	ReorderClient(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.reorders = ReorderServiceGrpc.newBlockingStub(channels.createChannel(CustomerClient.REMOTE));
		this.drafts = DraftOrderServiceGrpc.newBlockingStub(channels.createChannel(OrderClient.REMOTE));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	public List<UpcomingReorder> upcoming() {
		return remoteCalls.read(CustomerClient.REMOTE, () -> reorders.withCallCredentials(tokens.forCurrentCaller())
			.listMyReorders(ListMyReordersRequest.getDefaultInstance()).getReordersList());
	}

	public ReorderLink link(String token) {
		return remoteCalls.read(CustomerClient.REMOTE, () -> reorders.withCallCredentials(tokens.forCurrentCaller())
			.readReorderLink(ReadReorderLinkRequest.newBuilder().setToken(token).build()));
	}

	public OrderAsLastTimeResponse orderFromLink(String token) {
		return remoteCalls.write(CustomerClient.REMOTE, () -> reorders.withCallCredentials(tokens.forCurrentCaller())
			.orderAsLastTime(OrderAsLastTimeRequest.newBuilder().setToken(token).build()));
	}

	public OrderAsLastTimeResponse orderBySku(String sku) {
		return remoteCalls.write(CustomerClient.REMOTE, () -> reorders.withCallCredentials(tokens.forCurrentCaller())
			.orderAsLastTime(OrderAsLastTimeRequest.newBuilder().setSku(sku).build()));
	}

	/** The caller's organisation's draft orders, newest first. */
	public List<DraftOrder> drafts() {
		return remoteCalls.read(OrderClient.REMOTE, () -> drafts.withCallCredentials(tokens.forCurrentCaller())
			.listDraftOrders(ListDraftOrdersRequest.getDefaultInstance()).getDraftsList());
	}
}
