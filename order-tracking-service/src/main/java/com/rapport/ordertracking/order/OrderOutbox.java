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
				event.summary(), "order:" + order.id(), event.facts(), summaryCode(event), summaryArgs(event));
	}

	/** The line as a message code (rapport/i18n/codes), said in the reader's language by whoever shows it. */
	static String summaryCode(OrderEvent event) {
		return switch (event.kind()) {
			case ORDER_PLACED -> "timeline.order.placed";
			case ORDER_DELIVERED -> "timeline.order.delivered";
			case ORDER_AT_RISK -> "timeline.order.at-risk";
			case ORDER_DELAYED -> "timeline.order.delayed";
			case ORDER_CANCELLED -> "timeline.order.cancelled";
			case NOTIFICATION_SENT -> "timeline.order.notification-sent";
			case MILESTONE_REACHED -> "timeline.order.milestone";
			case PROMISE_CHANGED -> "timeline.order.promise-changed";
			case ETA_CHANGED -> "timeline.order.eta-changed";
			case LINES_CHANGED -> "timeline.order.lines-changed";
			// Never in an order's outbox: a draft's event goes to webhooks only (package draft).
			case DRAFT_CREATED -> throw new IllegalArgumentException("A draft's event is on no timeline");
		};
	}

	/** The values the line names: the order number first, then what each kind says (see codes.properties). */
	static List<String> summaryArgs(OrderEvent event) {
		var facts = event.facts();
		String number = facts.getOrDefault("order_number", "");
		return switch (event.kind()) {
			case ORDER_DELAYED -> List.of(number, facts.getOrDefault("reason", ""), facts.getOrDefault("remedy", ""));
			case ORDER_CANCELLED -> List.of(number, facts.getOrDefault("reason", ""));
			case NOTIFICATION_SENT -> List.of(number, facts.getOrDefault("subject_kind", ""),
					facts.getOrDefault("address", ""));
			case MILESTONE_REACHED -> List.of(number, facts.getOrDefault("code", ""));
			case PROMISE_CHANGED -> List.of(number, facts.getOrDefault("promised_date", ""));
			case ETA_CHANGED -> List.of(number, facts.getOrDefault("eta", ""));
			default -> List.of(number);
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
