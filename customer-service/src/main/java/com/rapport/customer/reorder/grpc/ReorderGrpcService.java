package com.rapport.customer.reorder.grpc;

import com.rapport.contracts.customer.v1.ListMyReordersRequest;
import com.rapport.contracts.customer.v1.ListMyReordersResponse;
import com.rapport.contracts.customer.v1.OrderAsLastTimeRequest;
import com.rapport.contracts.customer.v1.OrderAsLastTimeResponse;
import com.rapport.contracts.customer.v1.ReadReorderLinkRequest;
import com.rapport.contracts.customer.v1.ReorderLink;
import com.rapport.contracts.customer.v1.ReorderLinkState;
import com.rapport.contracts.customer.v1.ReorderServiceGrpc;
import com.rapport.contracts.customer.v1.UpcomingReorder;
import com.rapport.customer.reorder.ReorderOrders;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/**
 * {@code rapport.customer.v1.ReorderService}: the portal's upcoming reorders and "reorder as last time", for
 * customer contacts ({@link ReorderOrders} decides).
 */
@GrpcService
class ReorderGrpcService extends ReorderServiceGrpc.ReorderServiceImplBase {

	private final ReorderOrders reorders;

	ReorderGrpcService(ReorderOrders reorders) {
		this.reorders = reorders;
	}

	@Override
	public void listMyReorders(ListMyReordersRequest request, StreamObserver<ListMyReordersResponse> response) {
		ListMyReordersResponse.Builder answer = ListMyReordersResponse.newBuilder();
		reorders.myReorders(Caller.current()).forEach(r -> answer.addReorders(toProto(r)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void readReorderLink(ReadReorderLinkRequest request, StreamObserver<ReorderLink> response) {
		ReorderOrders.Link link = reorders.readLink(Caller.current(), request.getToken());
		ReorderLink.Builder answer = ReorderLink.newBuilder().setState(toProto(link.state()))
			.setLanguage(link.language() == null ? "" : link.language());
		if (link.reorder() != null && link.reorder().reorder() != null) {
			answer.setReorder(toProto(link.reorder()));
		}
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void orderAsLastTime(OrderAsLastTimeRequest request, StreamObserver<OrderAsLastTimeResponse> response) {
		Caller caller = Caller.current();
		ReorderOrders.Outcome outcome = switch (request.getWhatCase()) {
			case TOKEN -> reorders.orderFromLink(caller, request.getToken());
			case SKU -> reorders.orderBySku(caller, request.getSku());
			default -> {
				reorders.myReorders(caller); // refuses anyone but a customer contact first
				throw UnprocessableException.field(Message.of("reorder.invalid"), "sku",
						Message.of("field.required"));
			}
		};
		OrderAsLastTimeResponse.Builder answer = OrderAsLastTimeResponse.newBuilder().setState(toProto(outcome.state()))
			.setCreated(outcome.created()).setDraftNumber(outcome.draftNumber() == null ? "" : outcome.draftNumber());
		if (outcome.reorder() != null && outcome.reorder().reorder() != null) {
			answer.setReorder(toProto(outcome.reorder()));
		}
		response.onNext(answer.build());
		response.onCompleted();
	}

	static UpcomingReorder toProto(ReorderOrders.Upcoming upcoming) {
		var r = upcoming.reorder();
		return UpcomingReorder.newBuilder().setSku(r.sku()).setDescription(r.description() == null ? "" : r.description())
			.setExpectedOn(r.expectedOn().toString()).setUsualIntervalDays(r.usualIntervalDays())
			.setLastQuantity(r.lastQuantity()).setLastOrderedOn(r.lastOrderedOn().toString()).setDue(r.due())
			.setDraftNumber(upcoming.draftNumber() == null ? "" : upcoming.draftNumber())
			.build();
	}

	static ReorderLinkState toProto(ReorderOrders.LinkState state) {
		return ReorderLinkState.valueOf("REORDER_LINK_STATE_" + state.name());
	}
}
