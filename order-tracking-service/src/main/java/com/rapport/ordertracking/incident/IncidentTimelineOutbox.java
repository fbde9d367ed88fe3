package com.rapport.ordertracking.incident;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.support.timeline.InteractionRecorder;
import com.rapport.support.timeline.InteractionRecorder.TimelineEntry;
import com.rapport.support.timeline.ScheduledOutbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Each incident notice on each affected organisation's timeline, once: the entry waits in the organisation's
 * recipient document ({@code outbox}) and is relayed by platform-support's relay on the timeline relay's schedule,
 * under lease {@code incident-timeline-relay}; customer-service keeps one entry per event id
 * ({@code incident:<notice id>:<organisation>}), so a repeat after a lost answer records nothing twice. A notice is
 * a notification sent, which is the kind it takes on the timeline, with its own line
 * ({@code timeline.incident.notice}).
 */
@Component
class IncidentTimelineOutbox extends ScheduledOutbox<IncidentRecipient, IncidentRecipient.Pending> {

	/** The most characters of the cause the timeline's line repeats; the whole cause is in the facts. */
	static final int CAUSE_IN_LINE = 200;

	private final InteractionRecorder recorder;

	IncidentTimelineOutbox(InteractionRecorder recorder, MongoTemplate mongo, Clock clock,
			@Value("${spring.application.name}") String name, @Value("${rapport.relay.enabled:true}") boolean enabled) {
		super(mongo, clock, name, enabled);
		this.recorder = recorder;
	}

	static String eventId(String noticeId, String customerId) {
		return "incident:" + noticeId + ":" + customerId;
	}

	@Override
	public Class<IncidentRecipient> recordType() {
		return IncidentRecipient.class;
	}

	@Override
	public String field() {
		return "outbox";
	}

	@Override
	public String undeliverableField() {
		return "undeliverable";
	}

	@Override
	public List<String> fields() {
		return List.of("noticeId", "customerId", "orderCount", "orderNumbers", "sku", "cause");
	}

	@Override
	public List<IncidentRecipient.Pending> pending(IncidentRecipient recipient) {
		return recipient.outbox();
	}

	@Override
	public String eventId(IncidentRecipient recipient, IncidentRecipient.Pending event) {
		return event.eventId();
	}

	@Override
	public String kind(IncidentRecipient recipient, IncidentRecipient.Pending event) {
		return "NOTIFICATION_SENT";
	}

	@Override
	public void deliver(IncidentRecipient recipient, IncidentRecipient.Pending event) {
		recorder.record(entryOf(recipient, event));
	}

	static TimelineEntry entryOf(IncidentRecipient recipient, IncidentRecipient.Pending event) {
		String cause = recipient.cause() == null ? "" : recipient.cause().strip();
		String line = cause.length() > CAUSE_IN_LINE ? cause.substring(0, CAUSE_IN_LINE) + "…" : cause;
		line = line.replaceAll("\\s+", " ");
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("notice_id", recipient.noticeId());
		facts.put("order_count", String.valueOf(recipient.orderCount()));
		facts.put("order_numbers", clip(String.join(", ", recipient.orderNumbers())));
		if (recipient.sku() != null && !recipient.sku().isEmpty()) {
			facts.put("sku", recipient.sku());
		}
		facts.put("cause", clip(cause));
		String count = String.valueOf(recipient.orderCount());
		return new TimelineEntry(event.eventId(), recipient.customerId(), "NOTIFICATION_SENT", event.occurredAt(),
				"Incident notice about " + count + " orders: " + line, "incident:" + recipient.noticeId(), facts,
				"timeline.incident.notice", List.of(count, line));
	}

	/** customer-service keeps values of at most 1000 characters. */
	private static String clip(String value) {
		return value.length() > 1000 ? value.substring(0, 999) + "…" : value;
	}

	@Override
	public String recordName() {
		return "incident notice";
	}

	@Override
	public String receiverName() {
		return "customer-service";
	}

	@Override
	public String leaseName() {
		return "incident-timeline-relay";
	}
}
