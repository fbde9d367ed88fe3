package com.rapport.portal.remote;

import java.util.List;

import com.rapport.contracts.ordertracking.v1.DeliveryPerformance;
import com.rapport.contracts.ordertracking.v1.GetDeliveryPerformanceRequest;
import com.rapport.contracts.ordertracking.v1.GetOrderRequest;
import com.rapport.contracts.ordertracking.v1.ListOrdersRequest;
import com.rapport.contracts.ordertracking.v1.ListOrdersResponse;
import com.rapport.contracts.ordertracking.v1.MilestoneCode;
import com.rapport.contracts.ordertracking.v1.Order;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc.OrderTrackingServiceBlockingStub;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** Orders from order-tracking-service; it decides what the signed-in user may see. */
@Component
public class OrderClient {

	static final String REMOTE = "order-tracking-service";

	private final OrderTrackingServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	OrderClient(OrderTrackingServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/**
	 * One page of the orders the caller may see, newest first: the first page for an empty token, else the page
	 * a previous answer's {@code next_page_token} names.
	 */
	public ListOrdersResponse orders(String pageToken, int pageSize) {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listOrders(ListOrdersRequest.newBuilder().setPageToken(pageToken).setPageSize(pageSize).build()));
	}

	/**
	 * One page of the caller's orders that match a search, newest first: number starting with {@code orderNumber},
	 * a line of exactly {@code sku}, at {@code status} (each left out when empty or unspecified).
	 */
	public ListOrdersResponse search(String orderNumber, String sku, MilestoneCode status, String pageToken,
			int pageSize) {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listOrders(ListOrdersRequest.newBuilder().setOrderNumber(orderNumber).setSku(sku).setStatus(status)
				.setPageToken(pageToken).setPageSize(pageSize).build()));
	}

	/** The newest orders of one organisation (staff may ask for any; a customer always gets its own). */
	public List<Order> ordersOf(String customerId, int pageSize) {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listOrders(ListOrdersRequest.newBuilder().setCustomerId(customerId).setPageSize(pageSize).build())
			.getOrdersList());
	}

	/** How the organisation's orders are delivered: on-time rate, orders in progress, the late ones. */
	public DeliveryPerformance deliveryPerformance(String customerId) {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getDeliveryPerformance(GetDeliveryPerformanceRequest.newBuilder().setCustomerId(customerId).build()));
	}

	/** The organisation's deliveries from {@code from} (inclusive) to {@code before} (exclusive): a QBR's quarter. */
	public DeliveryPerformance deliveryPerformance(String customerId, com.google.protobuf.Timestamp from,
			com.google.protobuf.Timestamp before) {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getDeliveryPerformance(GetDeliveryPerformanceRequest.newBuilder().setCustomerId(customerId)
				.setDeliveredFrom(from).setDeliveredBefore(before).build()));
	}

	public Order order(String id) {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getOrder(GetOrderRequest.newBuilder().setOrderId(id).build()));
	}
}
