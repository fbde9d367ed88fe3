package com.rapport.ordertracking.order.grpc;

import java.util.HashMap;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.DeliveryPerformance;
import com.rapport.contracts.ordertracking.v1.GetDeliveryPerformanceRequest;
import com.rapport.contracts.ordertracking.v1.GetOrderRequest;
import com.rapport.contracts.ordertracking.v1.LateOrder;
import com.rapport.contracts.ordertracking.v1.ListOrdersRequest;
import com.rapport.contracts.ordertracking.v1.ListOrdersResponse;
import com.rapport.contracts.ordertracking.v1.MilestoneCode;
import com.rapport.contracts.ordertracking.v1.Money;
import com.rapport.contracts.ordertracking.v1.Order;
import com.rapport.contracts.ordertracking.v1.OrderLine;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.grpc.ProtoTimes;
import com.rapport.ordertracking.order.DeliveryPerformanceService;
import com.rapport.ordertracking.order.OrderProgressService;
import com.rapport.ordertracking.order.OrderSearch;
import com.rapport.ordertracking.order.OrderService;
import com.rapport.contracts.ordertracking.v1.RecordDelayRequest;
import org.springframework.security.access.AccessDeniedException;
import com.rapport.support.grpc.PageTokens;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import java.time.Instant;

import org.springframework.data.domain.Slice;
import org.springframework.grpc.server.service.GrpcService;

/**
 * Orders for portal-web, each with its organisation's name fetched from customer-service with the
 * caller's own token (one lookup per organisation in a page), and an organisation's delivery figures.
 */
@GrpcService
class OrderTrackingGrpcService extends OrderTrackingServiceGrpc.OrderTrackingServiceImplBase {

	private final OrderService orders;

	private final CustomerDirectory customers;

	private final DeliveryPerformanceService deliveries;

	private final OrderProgressService progress;

	private final OrderSearch search;

	OrderTrackingGrpcService(OrderService orders, CustomerDirectory customers, DeliveryPerformanceService deliveries,
			OrderProgressService progress, OrderSearch search) {
		this.orders = orders;
		this.search = search;
		this.customers = customers;
		this.deliveries = deliveries;
		this.progress = progress;
	}

	/** Staff only: a customer or a service may read orders but not speak for the supplier. */
	@Override
	public void recordDelay(RecordDelayRequest request, StreamObserver<Order> response) {
		Caller caller = Caller.current();
		if (!(caller.hasRole(Caller.AGENT) || caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN))) {
			throw new AccessDeniedException("Delays are recorded by staff");
		}
		var order = progress.reportDelay(caller, request.getOrderId(), OrderProtos.delayReport(request)).order();
		response.onNext(toProto(order, customers.nameOf(order.customerId()).orElse("")));
		response.onCompleted();
	}

	@Override
	public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> response) {
		int page = PageTokens.page(request.getPageToken());
		OrderSearch.Filter filter = OrderProtos.filter(request);
		Slice<com.rapport.ordertracking.order.Order> result = filter.isEmpty() || request.getAtRiskOnly()
				? orders.list(Caller.current(), request.getCustomerId(), page, request.getPageSize(),
						request.getAtRiskOnly())
				: search.search(Caller.current(), request.getCustomerId(), filter, page, request.getPageSize());
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
		var order = request.getOrderId().isEmpty() && !request.getOrderNumber().isEmpty()
				? orders.getByNumber(Caller.current(), request.getCustomerId(), request.getOrderNumber())
				: orders.get(Caller.current(), request.getOrderId());
		response.onNext(toProto(order, customers.nameOf(order.customerId()).orElse("")));
		response.onCompleted();
	}

	@Override
	public void getDeliveryPerformance(GetDeliveryPerformanceRequest request,
			StreamObserver<DeliveryPerformance> response) {
		var figures = deliveries.of(Caller.current(), request.getCustomerId(),
				request.hasDeliveredFrom() ? instant(request.getDeliveredFrom()) : null,
				request.hasDeliveredBefore() ? instant(request.getDeliveredBefore()) : null);
		response.onNext(toProto(figures));
		response.onCompleted();
	}

	static DeliveryPerformance toProto(com.rapport.ordertracking.order.DeliveryPerformance figures) {
		DeliveryPerformance.Builder builder = DeliveryPerformance.newBuilder().setCustomerId(figures.customerId())
			.setDeliveredFrom(timestamp(figures.window().from()))
			.setDeliveredBefore(timestamp(figures.window().before()))
			.setTimeZone(figures.timeZone().getId()).setToday(figures.today().toString())
			.setDelivered(figures.delivered()).setDeliveredWithPromisedDate(figures.deliveredWithPromisedDate())
			.setDeliveredOnTime(figures.deliveredOnTime()).setInProgress(figures.inProgress())
			.setInProgressLate(figures.inProgressLate());
		figures.onTimeRateBasisPoints().ifPresent(builder::setOnTimeRateBasisPoints);
		figures.lateOrders().forEach(late -> builder.addLateOrders(LateOrder.newBuilder().setOrderId(late.orderId())
			.setOrderNumber(late.orderNumber()).setPlacedAt(timestamp(late.placedAt()))
			.setPromisedDate(late.promisedDate().toString()).setDaysLate(Math.toIntExact(late.daysLate()))
			.setStatus(code(late.status()))));
		return builder.build();
	}

	static Order toProto(com.rapport.ordertracking.order.Order order, String customerName) {
		Order.Builder builder = Order.newBuilder().setId(order.id()).setCustomerId(order.customerId())
			.setCustomerName(customerName).setOrderNumber(order.orderNumber())
			.setStatus(code(order.status()))
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
		order.milestones().forEach(m -> builder.addMilestones(OrderProtos.milestone(m)));
		OrderProtos.progress(order, builder);
		return builder.build();
	}

	static MilestoneCode code(com.rapport.ordertracking.order.MilestoneCode code) {
		return MilestoneCode.valueOf("MILESTONE_CODE_" + code.name());
	}

	static Timestamp timestamp(Instant instant) {
		return ProtoTimes.timestamp(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return ProtoTimes.instant(timestamp);
	}
}
