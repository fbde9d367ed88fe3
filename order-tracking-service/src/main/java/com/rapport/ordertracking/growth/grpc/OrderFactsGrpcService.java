package com.rapport.ordertracking.growth.grpc;

import com.rapport.contracts.ordertracking.v1.CustomerOrderFacts;
import com.rapport.contracts.ordertracking.v1.OrderFact;
import com.rapport.contracts.ordertracking.v1.OrderFactLine;
import com.rapport.contracts.ordertracking.v1.OrderFactsServiceGrpc;
import com.rapport.contracts.ordertracking.v1.StreamOrderFactsRequest;
import com.rapport.ordertracking.growth.OrderFacts;
import com.rapport.ordertracking.grpc.ProtoTimes;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/**
 * Streams the order facts of a range of organisations, one message per organisation, as the store reads them
 * (for customer-service's growth recompute; services alone).
 */
@GrpcService
class OrderFactsGrpcService extends OrderFactsServiceGrpc.OrderFactsServiceImplBase {

	private final OrderFacts facts;

	OrderFactsGrpcService(OrderFacts facts) {
		this.facts = facts;
	}

	@Override
	public void streamOrderFacts(StreamOrderFactsRequest request, StreamObserver<CustomerOrderFacts> response) {
		facts.read(Caller.current(), request.getFromCustomerId(), request.getToCustomerId(),
				request.getMaxOrdersPerCustomer(), customer -> response.onNext(toProto(customer)));
		response.onCompleted();
	}

	static CustomerOrderFacts toProto(OrderFacts.CustomerOrders customer) {
		CustomerOrderFacts.Builder builder = CustomerOrderFacts.newBuilder().setCustomerId(customer.customerId());
		for (OrderFacts.Fact fact : customer.orders()) {
			OrderFact.Builder order = OrderFact.newBuilder().setOrderNumber(fact.orderNumber() == null ? "" : fact.orderNumber())
				.setCancelled(fact.cancelled());
			if (fact.placedAt() != null) {
				order.setPlacedAt(ProtoTimes.timestamp(fact.placedAt()));
			}
			fact.lines().forEach(line -> order.addLines(OrderFactLine.newBuilder().setSku(line.sku() == null ? "" : line.sku())
				.setDescription(line.description() == null ? "" : line.description()).setQuantity(line.quantity())));
			builder.addOrders(order);
		}
		return builder.build();
	}
}
