package com.rapport.ordertracking.order;

import java.util.List;

import com.rapport.support.timeline.InteractionRecorder.TimelineEntry;
import com.rapport.support.timeline.TimelineOutbox;

import org.springframework.stereotype.Component;

/**
 * Orders' events as customer-service's timeline hears of them: of the order's organisation, about
 * {@code order:<id>}. platform-support's relay delivers them every few seconds under lease
 * {@code order-event-relay}.
 */
@Component
class OrderOutbox implements TimelineOutbox<Order, OrderEvent> {

	@Override
	public Class<Order> recordType() {
		return Order.class;
	}

	@Override
	public List<String> fields() {
		return List.of("customerId");
	}

	@Override
	public List<OrderEvent> outbox(Order order) {
		return order.outbox();
	}

	@Override
	public TimelineEntry entryOf(Order order, OrderEvent event) {
		return new TimelineEntry(event.eventId(), order.customerId(), event.kind().name(), event.occurredAt(),
				event.summary(), "order:" + order.id(), event.facts(), summaryCode(event),
				List.of(event.facts().getOrDefault("order_number", "")));
	}

	/** The line as a message code (rapport/i18n/codes), said in the reader's language by whoever shows it. */
	static String summaryCode(OrderEvent event) {
		return switch (event.kind()) {
			case ORDER_PLACED -> "timeline.order.placed";
			case ORDER_DELIVERED -> "timeline.order.delivered";
		};
	}

	@Override
	public String recordName() {
		return "order";
	}

	@Override
	public String leaseName() {
		return "order-event-relay";
	}
}
