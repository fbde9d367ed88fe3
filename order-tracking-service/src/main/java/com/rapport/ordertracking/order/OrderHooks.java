package com.rapport.ordertracking.order;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which of an order's events partner systems may subscribe to by webhook: the order placed, a milestone reached,
 * the order delivered, a new promised date, a risk noticed, a delay recorded, a cancellation, a new ETA, new lines
 * (not the notifications sent); and a draft order made, which waits in the draft instead (package {@code draft}). The same events, the same way, go into the order's {@code live} list for the
 * portal's live feed ({@link #followed}). Each such event is kept in the order's {@code hooks} list in the same write as the change,
 * until the webhook fan-out has queued it for every matching subscription ({@link OrderNotices#pendingHooks}).
 */
public final class OrderHooks {

	/** The event kinds a subscription may name, in the order a person reads them. */
	public static final List<OrderEvent.Kind> KINDS = List.of(OrderEvent.Kind.ORDER_PLACED,
			OrderEvent.Kind.MILESTONE_REACHED, OrderEvent.Kind.ORDER_DELIVERED, OrderEvent.Kind.PROMISE_CHANGED,
			OrderEvent.Kind.ORDER_AT_RISK, OrderEvent.Kind.ORDER_DELAYED, OrderEvent.Kind.ORDER_CANCELLED,
			OrderEvent.Kind.ETA_CHANGED, OrderEvent.Kind.LINES_CHANGED, OrderEvent.Kind.DRAFT_CREATED);

	/** What an order's own changes tell: every kind but a draft's, which is no order yet (package {@code draft}). */
	private static final Set<OrderEvent.Kind> TOLD = KINDS.stream()
		.filter(kind -> kind != OrderEvent.Kind.DRAFT_CREATED).collect(java.util.stream.Collectors.toUnmodifiableSet());

	private OrderHooks() {
	}

	/** The events of a change that webhooks tell of, each once (a cancellation goes to the timeline and the contacts). */
	@SafeVarargs
	static List<OrderEvent> told(List<OrderEvent>... lists) {
		return each(lists);
	}

	/** The events of a change the live feed tells the portal's open pages of: the same as the webhooks'. */
	@SafeVarargs
	static List<OrderEvent> followed(List<OrderEvent>... lists) {
		return each(lists);
	}

	@SafeVarargs
	private static List<OrderEvent> each(List<OrderEvent>... lists) {
		Map<String, OrderEvent> byId = new LinkedHashMap<>();
		Stream.of(lists).flatMap(List::stream).filter(event -> TOLD.contains(event.kind()))
			.forEach(event -> byId.putIfAbsent(event.eventId(), event));
		return List.copyOf(byId.values());
	}
}
