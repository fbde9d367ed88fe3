package com.rapport.customer.timeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.customer.organisation.ConsentChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts consents given and withdrawn on the organisation's timeline, in the request that saved them: an
 * opt-out is respected and on record.
 */
@Component
class ConsentChangeRecorder {

	static final String SOURCE = "customer-service";

	private final TimelineService timeline;

	ConsentChangeRecorder(TimelineService timeline) {
		this.timeline = timeline;
	}

	@EventListener
	void record(ConsentChanged change) {
		String what = change.given() ? "given" : "withdrawn";
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("contact_id", change.contactId());
		attributes.put("consent", change.topic());
		attributes.put("change", what);
		attributes.put("by", "contact");
		timeline.recordOwn(new InteractionInput(SOURCE,
				"consent:" + change.organisationId() + ":" + change.contactId() + ":" + change.topic() + ":" + what + ":"
						+ change.version(),
				change.organisationId(), InteractionKind.CARE_EVENT, change.at(),
				change.contactName() + (change.given() ? " gave consent to " : " withdrew consent to ") + change.topic(),
				"contact:" + change.contactId(), attributes,
				change.given() ? "timeline.consent.given" : "timeline.consent.withdrawn",
				List.of(change.contactName(), "#{consent." + change.topic() + "}")));
	}
}
