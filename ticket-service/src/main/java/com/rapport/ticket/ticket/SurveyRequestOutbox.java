package com.rapport.ticket.ticket;

import java.time.Clock;
import java.util.List;

import com.rapport.support.timeline.OutboxRelay;
import com.rapport.support.timeline.ScheduledOutbox;
import com.rapport.ticket.feedback.SurveyRequests;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Resolved tickets as feedback-service hears of them, so that it asks the requester for a CSAT: relayed by
 * platform-support's {@link OutboxRelay} every few seconds (the timeline relay's settings) under lease
 * {@code survey-request-relay}. While feedback-service is down the requests wait in the ticket; one it refuses
 * for good is set aside in the ticket's {@code undeliverable} list with the reason.
 */
@Component
class SurveyRequestOutbox extends ScheduledOutbox<Ticket, SurveyRequest> {

	private final SurveyRequests feedback;

	SurveyRequestOutbox(SurveyRequests feedback, MongoTemplate mongo, Clock clock,
			@Value("${spring.application.name}") String name, @Value("${rapport.relay.enabled:true}") boolean enabled) {
		super(mongo, clock, name, enabled);
		this.feedback = feedback;
	}

	@Override
	public Class<Ticket> recordType() {
		return Ticket.class;
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
		return List.of("number", "customerId", "requester");
	}

	@Override
	public List<SurveyRequest> pending(Ticket ticket) {
		return ticket.surveyRequests();
	}

	@Override
	public String eventId(Ticket ticket, SurveyRequest request) {
		return request.eventId();
	}

	@Override
	public String kind(Ticket ticket, SurveyRequest request) {
		return "SURVEY_REQUEST";
	}

	@Override
	public void deliver(Ticket ticket, SurveyRequest request) {
		Requester requester = ticket.requester() == null ? Requester.ERASED : ticket.requester();
		feedback.csatDue(ticket.id(), ticket.number(), ticket.customerId(), requester.contactId(), requester.email(),
				request.occurredAt());
	}

	@Override
	public String recordName() {
		return "ticket";
	}

	@Override
	public String receiverName() {
		return "feedback-service";
	}

	@Override
	public String leaseName() {
		return "survey-request-relay";
	}
}
