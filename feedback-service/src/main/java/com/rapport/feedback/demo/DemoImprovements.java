package com.rapport.feedback.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rapport.feedback.improvement.Improvement;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo's "You said, we did": what was changed because of the demo answers' comments (Acme's "the order updates
 * come late", Globex's prices), so the portal's page shows one for the organisation and one for everyone. Loaded
 * only while there is none.
 */
@Component
@ConditionalOnBooleanProperty("rapport.demo-data")
class DemoImprovements implements ApplicationRunner {

	private final MongoTemplate mongo;

	private final Clock clock;

	DemoImprovements(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (mongo.count(new org.springframework.data.mongodb.core.query.Query(), Improvement.class) > 0) {
			return;
		}
		Instant now = clock.instant();
		mongo.insertAll(List.of(
				new Improvement("demo-order-updates", "acme-retail", "The order updates come late.",
						"Every milestone your orders reach is now mailed to you as it happens, and shown on the "
								+ "order's page in the portal.",
						"manager.wang", now.minus(Duration.ofDays(30))),
				new Improvement("demo-price-notice", null, "Prices went up without warning.",
						"Price changes are now announced to every customer at least 30 days ahead.", "manager.wang",
						now.minus(Duration.ofDays(10)))));
	}
}
