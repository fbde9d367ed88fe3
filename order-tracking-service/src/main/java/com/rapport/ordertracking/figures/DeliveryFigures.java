package com.rapport.ordertracking.figures;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.ordertracking.order.DeliveryPerformanceProperties;
import com.rapport.ordertracking.order.Order;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.validation.MonthRange;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * On-time delivery month by month for the dashboard (managers and admins: every organisation's, some, or groups) and the
 * scorecard (a contact: its own organisation's). Never a scan: the period's deliveries are read by the index
 * {@value #INDEX} ({@code deliveredAt}), or the named organisations' by {@code customer_delivered}, each order's
 * organisation, delivery time and promised date only.
 */
@Service
public class DeliveryFigures {

	static final int MAX_MONTHS = 24;

	static final int MAX_ORGANISATIONS = 5_000;

	static final String INDEX = "delivered_at";

	private final MongoTemplate mongo;

	private final ZoneId zone;

	DeliveryFigures(MongoTemplate mongo, DeliveryPerformanceProperties properties) {
		this.mongo = mongo;
		this.zone = properties.timeZone();
	}

	/** The index this feature reads every organisation's deliveries by; made once, a no-op when it is there. */
	@EventListener(ApplicationReadyEvent.class)
	void index() {
		mongo.indexOps(Order.class).createIndex(new Index().on("deliveredAt", Sort.Direction.ASC).named(INDEX));
	}

	public DeliveryMonths.Figures of(Caller caller, String fromMonth, String toMonth, List<String> customerIds,
			List<DeliveryMonths.Group> groups) {
		List<String> organisations = customerIds;
		List<DeliveryMonths.Group> named = groups;
		if (caller.isCustomer()) {
			String own = caller.customerId().orElseThrow(() -> new NotFoundException(Message.of("organisation.not-found", "")));
			if (customerIds.stream().anyMatch(id -> !id.equals(own))) {
				throw new NotFoundException(Message.of("organisation.not-found", customerIds.get(0)));
			}
			organisations = List.of(own);
			named = List.of();
		}
		else if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("The delivery figures are the managers'");
		}
		Map<String, Message> invalid = new LinkedHashMap<>();
		MonthRange period = MonthRange.parse(fromMonth, toMonth, MAX_MONTHS, "orders.figures.month",
				"orders.figures.period", invalid);
		long count = organisations.size() + named.stream().mapToLong(group -> group.customerIds().size()).sum();
		if (count > MAX_ORGANISATIONS) {
			invalid.put(organisations.size() > MAX_ORGANISATIONS ? "customerIds" : "groups",
					Message.of("orders.figures.organisations", MAX_ORGANISATIONS));
		}
		if (!invalid.isEmpty()) {
			throw new UnprocessableException(Message.of("orders.figures-invalid"), invalid);
		}
		return DeliveryMonths.of(deliveries(period, organisations, named), period.months(), zone, named);
	}

	private List<DeliveryMonths.Delivery> deliveries(MonthRange period, List<String> organisations,
			List<DeliveryMonths.Group> groups) {
		// The period's months in the business time zone, where a delivery's day is judged.
		Instant from = period.first().atDay(1).atStartOfDay(zone).toInstant();
		Instant until = period.last().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		// Named organisations: theirs alone, by customer_delivered (groups are counted among them). Else every
		// organisation's, by delivered_at, each counted into the groups it belongs to as it is read.
		Criteria criteria = organisations.isEmpty() ? Criteria.where("deliveredAt").gte(from).lt(until)
				: Criteria.where("customerId").in(organisations).and("deliveredAt").gte(from).lt(until);
		Query query = Query.query(criteria);
		query.fields().include("customerId", "deliveredAt", "promisedDate");
		// Read by the store's own mapping, so a promised date reads back as it was written.
		return mongo.find(query, DeliveryMonths.Delivery.class, mongo.getCollectionName(Order.class));
	}
}
