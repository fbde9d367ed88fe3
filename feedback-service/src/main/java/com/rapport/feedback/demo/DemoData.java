package com.rapport.feedback.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.feedback.response.NewResponse;
import com.rapport.feedback.response.ResponseService;
import com.rapport.feedback.response.SurveyResponseRepository;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Survey answers of the demo organisations and contacts (ids as in customer-service's demo data), dated
 * relative to now: Acme Retail's latest CSAT is a 2 about the delivery held at customs (order ACME-1015, see
 * order-tracking-service's demo data), its latest NPS a 9 and CES a 6; Globex Trading a CSAT 4 and an NPS 6.
 * Recorded through the service like any answer, so the relay tells customer-service's timeline once it is
 * up; nothing here calls it. Loaded only into an empty store.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("rapport.demo-data")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String ALICE = "3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b1001";

	static final String BO = "3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b1002";

	static final String GAVIN = "3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b2001";

	private final ResponseService answers;

	private final SurveyResponseRepository responses;

	private final Clock clock;

	DemoData(ResponseService answers, SurveyResponseRepository responses, Clock clock) {
		this.answers = answers;
		this.responses = responses;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (responses.findFirstBy().isPresent()) {
			return;
		}
		Instant now = clock.instant();
		List<NewResponse> demo = List.of(
				answer("acme-csat-1010", "acme-retail", BO, "CSAT", 5, null, now, 58, "ORDER", "ACME-1010", "SMS"),
				answer("acme-nps-q3", "acme-retail", BO, "NPS", 7, "Good products; the order updates come late.", now,
						55, "RELATIONSHIP", null, "SMS"),
				answer("acme-ces-1011", "acme-retail", BO, "CES", 4, null, now, 50, "ORDER", "ACME-1011", "SMS"),
				answer("acme-ces-1012", "acme-retail", ALICE, "CES", 6, null, now, 12, "ORDER", "ACME-1012", "PORTAL"),
				answer("acme-csat-1012", "acme-retail", ALICE, "CSAT", 4, "Delivered as promised.", now, 12, "ORDER",
						"ACME-1012", "PORTAL"),
				answer("acme-nps-q4", "acme-retail", ALICE, "NPS", 9, "A supplier we rely on.", now, 8, "RELATIONSHIP",
						null, "EMAIL"),
				answer("acme-csat-1015", "acme-retail", ALICE, "CSAT", 2,
						"The chairs were held at customs for three days and nobody told us; we heard it from our warehouse.",
						now, 3, "ORDER", "ACME-1015", "PORTAL"),
				answer("globex-csat-7000", "globex-trading", GAVIN, "CSAT", 4, null, now, 45, "ORDER", "GLX-7000",
						"EMAIL"),
				answer("globex-nps-q4", "globex-trading", GAVIN, "NPS", 6, "Prices went up twice this year.", now, 20,
						"RELATIONSHIP", null, "EMAIL"));
		// Already acted on: the demo's complaint about ACME-1015 is in ticket-service's demo data.
		demo.forEach(answers::recordActedOn);
		log.info("Loaded {} demo survey answers into the empty store", demo.size());
	}

	private static NewResponse answer(String id, String customerId, String contactId, String kind, int score,
			String comment, Instant now, int daysAgo, String subjectType, String subjectId, String channel) {
		return new NewResponse("demo-" + id, customerId, contactId, kind, score, comment,
				now.minus(Duration.ofDays(daysAgo)), subjectType, subjectId, channel);
	}
}
