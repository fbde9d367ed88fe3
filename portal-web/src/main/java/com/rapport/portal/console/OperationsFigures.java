package com.rapport.portal.console;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.rapport.contracts.customer.v1.LifecycleFigures;
import com.rapport.contracts.customer.v1.SegmentChoices;
import com.rapport.contracts.ordertracking.v1.DeliveryFigures;
import com.rapport.portal.remote.DeliveryFiguresClient;
import com.rapport.portal.remote.LifecycleFiguresClient;
import com.rapport.support.error.RemoteUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The dashboard's delivery and customer figures: on-time delivery month by month (order-tracking-service, for the
 * organisations named) and the lifecycle by segment (customer-service: the stages now of every organisation the
 * filters admit, and the period's changes month by month, whatever the number of organisations). A part whose service
 * cannot answer is {@code null} and the page says so; the rest is shown.
 */
@Component
class OperationsFigures {

	private static final Logger log = LoggerFactory.getLogger(OperationsFigures.class);

	private final DeliveryFiguresClient deliveries;

	private final LifecycleFiguresClient lifecycle;

	OperationsFigures(DeliveryFiguresClient deliveries, LifecycleFiguresClient lifecycle) {
		this.deliveries = deliveries;
		this.lifecycle = lifecycle;
	}

	record Read(DeliveryFigures deliveries, LifecycleFigures lifecycle) {
	}

	DeliveryFigures deliveries(String fromMonth, String toMonth, List<String> filter, Map<String, List<String>> groups) {
		return part("delivery", () -> deliveries.figures(fromMonth, toMonth, filter, groups));
	}

	LifecycleFigures lifecycle(DashboardController.Query query) {
		return part("lifecycle", () -> lifecycle.bySegment(query.from().toString(), query.to().toString(), query.tier(),
				query.industry(), query.region(), query.by()));
	}

	/** The industries and regions organisations have now; null while customer-service cannot answer. */
	SegmentChoices choices() {
		return part("segment choices", lifecycle::choices);
	}

	private static <T> T part(String name, Supplier<T> read) {
		try {
			return read.get();
		}
		catch (RemoteUnavailableException ex) {
			log.warn("Dashboard without {} figures: {}", name, ex.getMessage());
			return null;
		}
	}
}
