package com.rapport.ordertracking.order.grpc;

import java.util.HashMap;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.GetOrderRequest;
import com.rapport.contracts.ordertracking.v1.ListOrdersRequest;
import com.rapport.contracts.ordertracking.v1.ListOrdersResponse;
import com.rapport.contracts.ordertracking.v1.Milestone;
import com.rapport.contracts.ordertracking.v1.MilestoneCode;
import com.rapport.contracts.ordertracking.v1.Money;
import com.rapport.contracts.ordertracking.v1.Order;
import com.rapport.contracts.ordertracking.v1.OrderLine;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.order.OrderService;
import com.rapport.support.grpc.PageTokens;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.grpc.server.service.GrpcService;

/**
 * Orders for portal-web, each with its organisation's name fetched from customer-service with the
 * caller's own token (one lookup per organisation in a page).
 */
@GrpcService
class OrderTrackingGrpcService extends OrderTrackingServiceGrpc.OrderTrackingServiceImplBase {

	private final OrderService orders;

	private final CustomerDirectory customers;

	OrderTrackingGrpcService(OrderService orders, CustomerDirectory customers) {
		this.orders = orders;
		this.customers = customers;
	}

	@Override
	public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> response) {
		int page = PageTokens.page(request.getPageToken());
		Page<com.rapport.ordertracking.order.Order> result = orders.list(Caller.current(), request.getCustomerId(),
				page, request.getPageSize());
		Map<String, String> names = new HashMap<>();
		ListOrdersResponse.Builder answer = ListOrdersResponse.newBuilder();
		for (var order : result) {
			String name = names.computeIfAbsent(order.customerId(), id -> customers.nameOf(id).orElse(""));
			answer.addOrders(toProto(order, name));
		}
		if (result.hasNext()) {
			answer.setNextPageToken(PageTokens.of(page + 1));
		}
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void getOrder(GetOrderRequest request, StreamObserver<Order> response) {
		var order = orders.get(Caller.current(), request.getOrderId());
		response.onNext(toProto(order, customers.nameOf(order.customerId()).orElse("")));
		response.onCompleted();
	}

	static Order toProto(com.rapport.ordertracking.order.Order order, String customerName) {
		Order.Builder builder = Order.newBuilder().setId(order.id()).setCustomerId(order.customerId())
			.setCustomerName(customerName).setOrderNumber(order.orderNumber())
			.setStatus(MilestoneCode.valueOf("MILESTONE_CODE_" + order.status().name()))
			.setPlacedAt(timestamp(order.placedAt()));
		if (order.promisedDate() != null) {
			builder.setPromisedDate(order.promisedDate().toString());
		}
		if (order.total() != null) {
			builder.setTotal(Money.newBuilder().setCurrency(order.total().currency())
				.setMinorUnits(order.total().minorUnits()));
		}
		order.lines().forEach(line -> builder.addLines(OrderLine.newBuilder().setSku(line.sku())
			.setDescription(line.description() == null ? "" : line.description()).setQuantity(line.quantity())));
		order.milestones().forEach(m -> builder.addMilestones(Milestone.newBuilder()
			.setCode(MilestoneCode.valueOf("MILESTONE_CODE_" + m.code().name()))
			.setOccurredAt(timestamp(m.occurredAt()))
			.setNote(m.note() == null ? "" : m.note())));
		return builder.build();
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}
}
