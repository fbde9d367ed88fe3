package com.rapport.ordertracking.survey;

import java.time.Clock;
import java.util.List;

import com.rapport.support.timeline.OutboxRelay;
import com.rapport.support.timeline.ScheduledOutbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Delivered orders as feedback-service hears of them: relayed by platform-support's {@link OutboxRelay} every few
 * seconds (the timeline relay's settings) under lease {@code delivery-survey-relay}, one replica at a time. While
 * feedback-service is down the request waits in the order; it leaves the order once taken (at least once; the
 * receiver keeps one decision per order, so never twice); one refused for good is set aside in the order's
 * {@code undeliverable} list with the reason.
 */
@Component
class DeliverySurveyOutbox extends ScheduledOutbox<DeliveredOrder, DeliveredOrder.DeliveryDue> {

	private final DeliverySurveys feedback;

	DeliverySurveyOutbox(DeliverySurveys feedback, MongoTemplate mongo, Clock clock,
			@Value("${spring.application.name}") String name, @Value("${rapport.relay.enabled:true}") boolean enabled) {
		super(mongo, clock, name, enabled);
		this.feedback = feedback;
	}

	@Override
	public Class<DeliveredOrder> recordType() {
		return DeliveredOrder.class;
	}

	@Override
	public String field() {
		return "surveyRequests";
	}

	@Override
	public String undeliverableField() {
		return "undeliverable";
	}

	@Override
	public List<String> fields() {
		return List.of("customerId", "orderNumber");
	}

	@Override
	public List<DeliveredOrder.DeliveryDue> pending(DeliveredOrder order) {
		return order.surveyRequests();
	}

	@Override
	public String eventId(DeliveredOrder order, DeliveredOrder.DeliveryDue due) {
		return due.eventId();
	}

	@Override
	public String kind(DeliveredOrder order, DeliveredOrder.DeliveryDue due) {
		return "SURVEY_REQUEST";
	}

	@Override
	public void deliver(DeliveredOrder order, DeliveredOrder.DeliveryDue due) {
		feedback.delivered(order.id(), order.orderNumber(), order.customerId(), due.occurredAt());
	}

	@Override
	public String recordName() {
		return "order";
	}

	@Override
	public String receiverName() {
		return "feedback-service";
	}

	@Override
	public String leaseName() {
		return "delivery-survey-relay";
	}
}
