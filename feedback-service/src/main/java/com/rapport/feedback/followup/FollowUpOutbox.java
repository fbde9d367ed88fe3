package com.rapport.feedback.followup;

import java.time.Clock;
import java.util.List;

import com.rapport.feedback.response.FollowUp;
import com.rapport.feedback.response.SurveyResponse;
import com.rapport.support.timeline.ScheduledOutbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Unhappy answers' follow-up tickets, opened in ticket-service by platform-support's relay every few seconds
 * (the {@code rapport.relay.*} settings) under lease {@code survey-follow-up-relay}: while ticket-service is down
 * they wait in the answer and are opened when it is back; the follow-up's event id is the ticket's idempotency
 * key, so a repeat never opens a second. One that ticket-service refuses for good is set aside in the answer's
 * {@code undeliverable} list with the reason. A follow-up goes once the comment is in or its wait is over.
 */
@Component
class FollowUpOutbox extends ScheduledOutbox<SurveyResponse, FollowUp> {

	private final TicketDesk tickets;

	private final Clock clock;

	FollowUpOutbox(TicketDesk tickets, MongoTemplate mongo, Clock clock,
			@Value("${spring.application.name}") String name, @Value("${rapport.relay.enabled:true}") boolean enabled) {
		super(mongo, clock, name, enabled);
		this.tickets = tickets;
		this.clock = clock;
	}

	@Override
	public Class<SurveyResponse> recordType() {
		return SurveyResponse.class;
	}

	@Override
	public String field() {
		return "followUps";
	}

	@Override
	public String undeliverableField() {
		return "undeliverable";
	}

	@Override
	public List<String> fields() {
		return List.of("customerId", "contactId", "kind", "score", "comment", "subjectType", "subjectId");
	}

	@Override
	public List<FollowUp> pending(SurveyResponse answer) {
		return answer.followUps();
	}

	@Override
	public boolean due(SurveyResponse answer, FollowUp followUp) {
		return answer.comment() != null || !clock.instant().isBefore(followUp.dueAt());
	}

	@Override
	public String eventId(SurveyResponse answer, FollowUp followUp) {
		return followUp.eventId();
	}

	@Override
	public String kind(SurveyResponse answer, FollowUp followUp) {
		return "SURVEY_FOLLOW_UP";
	}

	@Override
	public void deliver(SurveyResponse answer, FollowUp followUp) {
		tickets.openFollowUp(new TicketDesk.FollowUpTicket(answer.customerId(), answer.contactId(),
				answer.kind().name(), answer.score(), answer.kind().max(), answer.comment(), answer.subjectType().name(),
				answer.subjectId(), followUp.reason()), followUp.eventId());
	}

	@Override
	public String recordName() {
		return "survey answer";
	}

	@Override
	public String receiverName() {
		return "ticket-service";
	}

	@Override
	public String leaseName() {
		return "survey-follow-up-relay";
	}
}
