package com.rapport.customer.growth.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.contracts.ordertracking.v1.ListOrdersRequest;
import com.rapport.contracts.ordertracking.v1.ListOrdersResponse;
import com.rapport.contracts.ordertracking.v1.CustomerOrderFacts;
import com.rapport.contracts.ordertracking.v1.Order;
import com.rapport.contracts.ordertracking.v1.OrderFact;
import com.rapport.contracts.ordertracking.v1.OrderFactsServiceGrpc;
import com.rapport.contracts.ordertracking.v1.StreamOrderFactsRequest;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc;
import com.rapport.customer.growth.OrderHistory;
import com.rapport.customer.growth.ReorderRules;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * The reorder prediction's order lines, from order-tracking-service as this service (role internal), through its
 * circuit breaker: one organisation's by {@code ListOrders}, newest first, at most {@value #MAX_PAGES} pages of
 * {@value #PAGE}, with its channel's deadline ({@code spring.grpc.client.channels.order-tracking-service.*}); a
 * range of organisations' (the nightly recompute's page) by one {@code StreamOrderFacts}, the same newest
 * {@value #MAX_ORDERS} orders of each, within {@value #RANGE_DEADLINE_SECONDS} s. Cancelled orders are left out.
 * {@code rapport.growth.support-signals=false} (the module's tests) asks nothing.
 */
@Component
@ConditionalOnBooleanProperty(name = "rapport.growth.support-signals", matchIfMissing = true)
class OrderHistoryClient implements OrderHistory {

	private static final Logger log = LoggerFactory.getLogger(OrderHistoryClient.class);

	static final String ORDERS = "order-tracking-service";

	static final int PAGE = 100;

	static final int MAX_PAGES = 10;

	/** The same newest orders {@code ListOrders}' pages reach. */
	static final int MAX_ORDERS = PAGE * MAX_PAGES;

	/** A page of organisations' orders is one streamed call: it may take longer than one organisation's 2 s. */
	static final long RANGE_DEADLINE_SECONDS = 60;

	private final OrderFactsServiceGrpc.OrderFactsServiceBlockingStub facts;

	private final OrderTrackingServiceGrpc.OrderTrackingServiceBlockingStub orders;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	OrderHistoryClient(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		var channel = channels.createChannel(ORDERS);
		this.orders = OrderTrackingServiceGrpc.newBlockingStub(channel);
		this.facts = OrderFactsServiceGrpc.newBlockingStub(channel);
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

	@Override
	public Map<String, List<ReorderRules.Line>> linesOfRange(String firstId, String lastId) {
		try {
			return remoteCalls.read(ORDERS, () -> {
				Map<String, List<ReorderRules.Line>> byOrganisation = new LinkedHashMap<>();
				Iterator<CustomerOrderFacts> stream = facts.withCallCredentials(tokens.asService())
					.withDeadlineAfter(RANGE_DEADLINE_SECONDS, TimeUnit.SECONDS)
					.streamOrderFacts(StreamOrderFactsRequest.newBuilder().setFromCustomerId(firstId)
						.setToCustomerId(lastId).setMaxOrdersPerCustomer(MAX_ORDERS).build());
				while (stream.hasNext()) {
					CustomerOrderFacts customer = stream.next();
					List<ReorderRules.Line> lines = new ArrayList<>();
					for (OrderFact order : customer.getOrdersList()) {
						if (order.getCancelled() || !order.hasPlacedAt()) {
							continue;
						}
						Instant placedAt = Instant.ofEpochSecond(order.getPlacedAt().getSeconds(),
								order.getPlacedAt().getNanos());
						order.getLinesList().forEach(line -> lines.add(new ReorderRules.Line(placedAt, line.getSku(),
								line.getDescription(), line.getQuantity())));
					}
					byOrganisation.put(customer.getCustomerId(), lines);
				}
				return byOrganisation;
			});
		}
		catch (RuntimeException ex) {
			log.warn("Orders of the organisations {} to {} not read: {}", firstId, lastId, ex.toString());
			return null;
		}
	}
}
