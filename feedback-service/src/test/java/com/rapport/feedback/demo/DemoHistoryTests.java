package com.rapport.feedback.demo;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.rapport.feedback.MongoAuditingConfiguration;
import com.rapport.feedback.response.ResponseService;
import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.feedback.rollup.FeedbackFigures;
import com.rapport.feedback.rollup.Rollups;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.Caller;
import com.rapport.support.test.FixedClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's year of past answers fills the dashboard's roll-ups, stays out of the 360's 90-day window and the
 * timeline, and is loaded once.
 */
@DataMongoTest
@Import({ MongoAuditingConfiguration.class, Rollups.class, FeedbackFigures.class })
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class DemoHistoryTests {

	static final Caller MANAGER = new Caller("manager.wang", Set.of(Caller.MANAGER), Set.of(), Optional.empty(),
			"portal-web", "");

	@Autowired
	SurveyResponseRepository responses;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Rollups rollups;

	@Autowired
	FeedbackFigures figures;

	DemoHistory history;

	@BeforeEach
	void emptyStore() {
		responses.deleteAll();
		mongo.dropCollection("feedback_rollups");
		history = new DemoHistory(new ResponseService(responses, FixedClock.CLOCK, rollups), responses, rollups,
				FixedClock.CLOCK);
	}

	@Test
	void aYearOfAnswersOlderThanTheWindowFillsTheRollupsOnce() {
		history.load();
		history.load();

		long stored = responses.count();
		assertThat(stored).isEqualTo(DemoHistory.history(FixedClock.NOW).size()).isGreaterThan(300);
		assertThat(responses.findAll()).allSatisfy(answer -> {
			assertThat(answer.answeredAt()).isBefore(FixedClock.NOW.minus(Duration.ofDays(99)))
				.isAfter(FixedClock.NOW.minus(Duration.ofDays(366)));
			assertThat(answer.outbox()).isEmpty();
			assertThat(answer.followUps()).isEmpty();
		});
		YearMonth last = YearMonth.from(FixedClock.NOW.atOffset(ZoneOffset.UTC));
		FeedbackFigures.Figures year = figures.of(MANAGER, last.minusMonths(13).toString(), last.toString(), List.of(),
				List.of());
		long counted = 0;
		long invited = 0;
		long answered = 0;
		for (FeedbackFigures.Totals totals : year.total().kinds().values()) {
			counted += java.util.Arrays.stream(totals.distribution()).sum();
			invited += totals.invited();
			answered += totals.invitedAnswered();
		}
		assertThat(counted).isEqualTo(stored);
		assertThat(answered).isEqualTo(stored);
		assertThat(invited).isGreaterThan(answered);
		assertThat(year.months().stream().filter(m -> m.kinds().get(SurveyKind.CSAT).distribution().length > 0
				&& java.util.Arrays.stream(m.kinds().get(SurveyKind.CSAT).distribution()).sum() > 0)).hasSizeGreaterThanOrEqualTo(8);
	}
}
