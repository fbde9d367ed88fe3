package com.rapport.ordertracking.survey;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The part of an order document this feature reads: the first delivery that feedback-service has still to hear of
 * ({@code surveyRequests}, written by {@code OrderWrites} in the same write as the first DELIVERED milestone) and
 * what the request names. Only read and trimmed by the relay, never saved whole (the order is the order feature's).
 */
@Document("orders")
@CompoundIndexes(@CompoundIndex(name = "survey_requests_pending", def = "{'surveyRequests.eventId': 1}", sparse = true))
record DeliveredOrder(@Id String id, String customerId, String orderNumber, List<DeliveryDue> surveyRequests) {

	DeliveredOrder {
		surveyRequests = surveyRequests == null ? List.of() : List.copyOf(surveyRequests);
	}

	/** A delivery to be told: its event id ({@code delivery-survey:<order id>}) and when it was delivered. */
	record DeliveryDue(String eventId, Instant occurredAt) {
	}
}
