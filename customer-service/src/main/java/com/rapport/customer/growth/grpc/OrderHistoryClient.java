package com.rapport.customer.growth.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.contracts.ordertracking.v1.ListOrdersRequest;
import com.rapport.contracts.ordertracking.v1.ListOrdersResponse;
import com.rapport.contracts.ordertracking.v1.Order;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc;
import com.rapport.customer.growth.OrderHistory;
import com.rapport.customer.growth.ReorderRules;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * The reorder prediction's order lines, from order-tracking-service's {@code ListOrders} as this service (role
 * internal), newest first, at most {@value #MAX_PAGES} pages of {@value #PAGE}, through its circuit breaker and with
 * its channel's deadline ({@code spring.grpc.client.channels.order-tracking-service.*}). Cancelled orders are
 * left out. {@code rapport.growth.support-signals=false} (the module's tests) asks nothing.
 */
@Component
@ConditionalOnBooleanProperty(name = "rapport.growth.support-signals", matchIfMissing = true)
class OrderHistoryClient implements OrderHistory {

	private static final Logger log = LoggerFactory.getLogger(OrderHistoryClient.class);

	static final String ORDERS = "order-tracking-service";

	static final int PAGE = 100;

	static final int MAX_PAGES = 10;

	private final OrderTrackingServiceGrpc.OrderTrackingServiceBlockingStub orders;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	OrderHistoryClient(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.orders = OrderTrackingServiceGrpc.newBlockingStub(channels.createChannel(ORDERS));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	@Override
	public List<ReorderRules.Line> linesOf(String organisationId) {
		List<ReorderRules.Line> lines = new ArrayList<>();
		String token = "";
		try {
			for (int page = 0; page < MAX_PAGES; page++) {
				String pageToken = token;
				ListOrdersResponse answer = remoteCalls.read(ORDERS, () -> orders.withCallCredentials(tokens.asService())
					.listOrders(ListOrdersRequest.newBuilder().setCustomerId(organisationId).setPageSize(PAGE)
						.setPageToken(pageToken).build()));
				for (Order order : answer.getOrdersList()) {
					if (order.getCancelled() || !order.hasPlacedAt()) {
						continue;
					}
					Instant placedAt = Instant.ofEpochSecond(order.getPlacedAt().getSeconds(), order.getPlacedAt().getNanos());
					order.getLinesList().forEach(line -> lines.add(new ReorderRules.Line(placedAt, line.getSku(),
							line.getDescription(), line.getQuantity())));
				}
				token = answer.getNextPageToken();
				if (token.isEmpty()) {
					break;
				}
			}
			return lines;
		}
		catch (RuntimeException ex) {
			log.debug("Orders of {} not read: {}", organisationId, ex.toString());
			return null;
		}
	}
}
