package com.rapport.ordertracking.draft.web;

import java.time.Instant;
import java.util.List;

import com.rapport.ordertracking.draft.DraftOrder;
import com.rapport.ordertracking.order.OrderLine;
import io.swagger.v3.oas.annotations.media.Schema;

/** A draft order as the partner API shows it; {@code orderId} and {@code orderNumber} once confirmed. */
@Schema(name = "DraftOrder")
record DraftOrderView(String draftNumber, String customerId, String status, List<OrderLine> lines,
		String requestedBy, Instant createdAt, String orderId, String orderNumber, Instant confirmedAt) {

	static DraftOrderView of(DraftOrder draft) {
		return new DraftOrderView(draft.draftNumber(), draft.customerId(), draft.status().name(), draft.lines(),
				draft.requestedBy(), draft.createdAt(), draft.orderId(), draft.orderNumber(), draft.confirmedAt());
	}

	@Schema(name = "DraftOrderList")
	record ListView(List<DraftOrderView> items) {
	}
}
