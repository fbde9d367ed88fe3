package com.rapport.ordertracking.order;

import java.util.List;

import com.rapport.support.privacy.DataSubject;
import com.rapport.support.privacy.Erasure;
import com.rapport.support.privacy.PersonalDataHolder;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Orders belong to organisations, not to people: the only personal datum an order holds is who submitted
 * it, when that was a person's login rather than a partner system. Erasing keeps the order (the customer's
 * business record) and forgets the person.
 */
@Component
class OrderPersonalData implements PersonalDataHolder {

	static final String ERASED_SUBMITTER = "erased-contact";

	private final MongoTemplate mongo;

	OrderPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** What an order says about the person: that they submitted it. */
	record SubmittedOrder(String orderId, String orderNumber, String organisationId, java.time.Instant placedAt,
			String submittedBy) {
	}

	@Override
	public String kind() {
		return "orders";
	}

	@Override
	public List<?> export(DataSubject subject) {
		if (!subject.hasUsername()) {
			return List.of();
		}
		return mongo.find(submittedBy(subject).with(Sort.by("placedAt")), Order.class).stream()
			.map(order -> new SubmittedOrder(order.id(), order.orderNumber(), order.customerId(), order.placedAt(),
					order.submittedBy()))
			.toList();
	}

	@Override
	public Erasure erase(DataSubject subject) {
		if (!subject.hasUsername()) {
			return Erasure.NOTHING;
		}
		long changed = mongo.updateMulti(submittedBy(subject), new Update().set("submittedBy", ERASED_SUBMITTER),
				Order.class).getModifiedCount();
		return new Erasure(0, (int) changed);
	}

	private static Query submittedBy(DataSubject subject) {
		return Query.query(Criteria.where("customerId").is(subject.organisationId()).and("submittedBy")
			.is(subject.username()));
	}
}
