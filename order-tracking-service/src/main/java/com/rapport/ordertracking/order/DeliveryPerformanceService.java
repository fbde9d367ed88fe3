package com.rapport.ordertracking.order;

import java.time.Clock;
import java.time.Instant;

import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.stereotype.Service;

/**
 * An organisation's delivery figures, for whoever may read its orders: a customer contact only its own
 * organisation's, where another organisation answers exactly like one without access. This service knows
 * orders, not organisations: an organisation it has no orders of answers zero counts.
 */
@Service
public class DeliveryPerformanceService {

	private final OrderRepository orders;

	private final Clock clock;

	private final DeliveryPerformanceProperties properties;

	public DeliveryPerformanceService(OrderRepository orders, Clock clock, DeliveryPerformanceProperties properties) {
		this.orders = orders;
		this.clock = clock;
		this.properties = properties;
	}

	/** The figures of deliveries in [{@code from}, {@code before}) (either may be null) and of orders in progress now. */
	public DeliveryPerformance of(Caller caller, String customerId, Instant from, Instant before) {
		if (customerId == null || customerId.isBlank()) {
			throw UnprocessableException.field(Message.of("orders.performance.organisation-required"), "customerId",
					Message.of("field.required"));
		}
		if (!OrderService.mayRead(caller, customerId)) {
			throw new NotFoundException(Message.of("organisation.not-found", customerId));
		}
		Instant now = clock.instant();
		DeliveryPerformance.Window window = DeliveryPerformance.Window.of(from, before, now);
		return DeliveryPerformance.of(customerId,
				orders.findUndeliveredOrDeliveredBetween(customerId, window.from(), window.before()), window,
				properties.timeZone(), now);
	}
}
