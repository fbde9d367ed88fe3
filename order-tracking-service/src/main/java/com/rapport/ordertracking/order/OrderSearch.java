package com.rapport.ordertracking.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.query.PrefixRegex;
import com.rapport.support.security.Caller;
import com.rapport.support.validation.TextRules;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The portal's order search: an organisation's orders by the start of their number, a line's SKU and the status,
 * newest first, a page at a time. Each filter has an index led by the organisation ({@code customer_order_number},
 * {@code customer_sku_placed}, {@code customer_status_placed}), so a page reads the orders that match rather than
 * the organisation's; the store picks the narrowest and checks the rest on what it reads. Who sees which
 * organisation is decided as for the list ({@link OrderService}).
 */
@Service
public class OrderSearch {

	static final int MAX_TEXT = 100;

	private final MongoTemplate mongo;

	OrderSearch(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** What to look for; blank text and a null status leave that filter out. */
	public record Filter(String orderNumber, String sku, MilestoneCode status) {

		public Filter {
			orderNumber = orderNumber == null ? "" : orderNumber.strip();
			sku = sku == null ? "" : sku.strip();
		}

		public boolean isEmpty() {
			return orderNumber.isEmpty() && sku.isEmpty() && status == null;
		}
	}

	/**
	 * One page of the orders that match, newest placed first; {@code hasNext} says whether an older page follows.
	 * A customer searches its own organisation's whatever it names; staff one organisation's or everyone's.
	 */
	public Slice<Order> search(Caller caller, String customerId, Filter filter, int page, int size) {
		check(filter);
		PageRequest request = PageRequest.of(Math.max(page, 0),
				size <= 0 ? OrderService.DEFAULT_PAGE_SIZE : Math.min(size, OrderService.MAX_PAGE_SIZE));
		String organisation = customerId == null || customerId.isBlank() ? null : customerId;
		if (!OrderService.seesAll(caller)) {
			String own = caller.customerId().orElse(null);
			if (own == null || (organisation != null && !organisation.equals(own))) {
				return new SliceImpl<>(List.of(), request, false);
			}
			organisation = own;
		}
		List<Criteria> parts = new ArrayList<>();
		if (organisation != null) {
			parts.add(Criteria.where("customerId").is(organisation));
		}
		if (!filter.orderNumber().isEmpty()) {
			// An anchored prefix without options: both stores read it as a range of the index.
			parts.add(Criteria.where("orderNumber").regex(PrefixRegex.of(filter.orderNumber())));
		}
		if (!filter.sku().isEmpty()) {
			parts.add(Criteria.where("lines.sku").is(filter.sku()));
		}
		if (filter.status() != null) {
			parts.add(Criteria.where("status").is(filter.status()));
		}
		Query query = new Query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts))
			.with(Sort.by(Sort.Direction.DESC, "placedAt"))
			.skip(request.getOffset())
			.limit(request.getPageSize() + 1);
		List<Order> found = new ArrayList<>(mongo.find(query, Order.class));
		boolean more = found.size() > request.getPageSize();
		return new SliceImpl<>(more ? found.subList(0, request.getPageSize()) : found, request, more);
	}

	private static void check(Filter filter) {
		Map<String, Message> bad = new java.util.LinkedHashMap<>();
		text(bad, "order_number", filter.orderNumber());
		text(bad, "sku", filter.sku());
		if (!bad.isEmpty()) {
			throw new UnprocessableException(Message.of("problem.invalid-fields"), bad);
		}
	}

	private static void text(Map<String, Message> bad, String field, String value) {
		if (value.length() > MAX_TEXT) {
			bad.put(field, Message.of("field.too-long", MAX_TEXT));
		}
		else if (!TextRules.isPlain(value, false)) {
			bad.put(field, Message.of(TextRules.problemCode(value, false)));
		}
	}
}
