package com.rapport.ordertracking.draft.grpc;

import com.rapport.contracts.ordertracking.v1.CreateDraftOrderRequest;
import com.rapport.contracts.ordertracking.v1.CreateDraftOrderResponse;
import com.rapport.contracts.ordertracking.v1.DraftOrderLine;
import com.rapport.contracts.ordertracking.v1.DraftOrderServiceGrpc;
import com.rapport.contracts.ordertracking.v1.DraftOrderStatus;
import com.rapport.contracts.ordertracking.v1.ListDraftOrdersRequest;
import com.rapport.contracts.ordertracking.v1.ListDraftOrdersResponse;
import com.rapport.ordertracking.draft.DraftOrder;
import com.rapport.ordertracking.draft.DraftOrders;
import com.rapport.ordertracking.draft.DraftStatus;
import com.rapport.ordertracking.grpc.ProtoTimes;
import com.rapport.ordertracking.order.OrderLine;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** Draft orders over gRPC: customer-service makes them, the portal lists an organisation's. */
@GrpcService
class DraftOrderGrpcService extends DraftOrderServiceGrpc.DraftOrderServiceImplBase {

	private final DraftOrders drafts;

	DraftOrderGrpcService(DraftOrders drafts) {
		this.drafts = drafts;
	}

	@Override
	public void createDraftOrder(CreateDraftOrderRequest request, StreamObserver<CreateDraftOrderResponse> response) {
		DraftOrders.Made made = drafts.create(Caller.current(), new DraftOrders.Request(request.getCustomerId(),
				request.getRequestId(), request.getLinesList().stream()
					.map(l -> new OrderLine(l.getSku().strip(), l.getDescription(), l.getQuantity())).toList(),
				request.getRequestedBy()));
		response.onNext(CreateDraftOrderResponse.newBuilder().setDraft(toProto(made.draft()))
			.setCreated(made.created()).build());
		response.onCompleted();
	}

	@Override
	public void listDraftOrders(ListDraftOrdersRequest request, StreamObserver<ListDraftOrdersResponse> response) {
		ListDraftOrdersResponse.Builder answer = ListDraftOrdersResponse.newBuilder();
		drafts.list(Caller.current(), request.getCustomerId(), null).forEach(d -> answer.addDrafts(toProto(d)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	static com.rapport.contracts.ordertracking.v1.DraftOrder toProto(DraftOrder draft) {
		var builder = com.rapport.contracts.ordertracking.v1.DraftOrder.newBuilder()
			.setDraftNumber(draft.draftNumber())
			.setCustomerId(draft.customerId())
			.setRequestId(draft.requestId() == null ? "" : draft.requestId())
			.setRequestedBy(draft.requestedBy() == null ? "" : draft.requestedBy())
			.setStatus(draft.status() == DraftStatus.CONFIRMED ? DraftOrderStatus.DRAFT_ORDER_STATUS_CONFIRMED
					: DraftOrderStatus.DRAFT_ORDER_STATUS_DRAFT)
			.setOrderId(draft.orderId() == null ? "" : draft.orderId())
			.setOrderNumber(draft.orderNumber() == null ? "" : draft.orderNumber());
		if (draft.createdAt() != null) {
			builder.setCreatedAt(ProtoTimes.timestamp(draft.createdAt()));
		}
		if (draft.confirmedAt() != null) {
			builder.setConfirmedAt(ProtoTimes.timestamp(draft.confirmedAt()));
		}
		draft.lines().forEach(l -> builder.addLines(DraftOrderLine.newBuilder().setSku(l.sku())
			.setDescription(l.description() == null ? "" : l.description()).setQuantity(l.quantity())));
		return builder.build();
	}
}
