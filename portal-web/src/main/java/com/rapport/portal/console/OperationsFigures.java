package com.rapport.portal.console;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.rapport.contracts.customer.v1.LifecycleFigures;
import com.rapport.contracts.ordertracking.v1.DeliveryFigures;
import com.rapport.portal.remote.DeliveryFiguresClient;
import com.rapport.portal.remote.LifecycleFiguresClient;
import com.rapport.support.error.RemoteUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The dashboard's delivery and customer figures: on-time delivery month by month (order-tracking-service) and the
 * lifecycle stages now with the retention (customer-service), for the same organisations and groups as the survey
 * figures. A part whose service cannot answer is {@code null} and the page says so; the rest is shown.
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

	Read read(String fromMonth, String toMonth, List<String> filter, Map<String, List<String>> groups) {
		return new Read(part("delivery", () -> deliveries.figures(fromMonth, toMonth, filter, groups)),
				part("lifecycle", () -> lifecycle.figures(filter, groups)));
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
