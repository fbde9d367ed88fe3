package com.rapport.feedback.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.feedback.response.NewResponse;
import com.rapport.feedback.response.ResponseService;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.feedback.rollup.Rollups;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A year of past answers of the six demo organisations, so the console's dashboard has trends to show: from 100 to
 * 365 days ago (older than the 90-day window of the 360 page's figures, which stay those of {@link DemoData}), each
 * organisation with its own mood and a slow improvement, drawn from a fixed seed so every start makes the same. Stored
 * through the service, so they are counted in the roll-ups like any answer, but not told to the timeline and owing
 * no follow-up; their invitations (a third more than answered) are counted in the roll-ups only. Loaded once, after
 * {@link DemoData}, in the background (the start does not wait for it), when the history's last answer is not stored.
 */
@Component
@Order(2)
@ConditionalOnBooleanProperty("rapport.demo-data")
class DemoHistory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	static final String PREFIX = "demo-history-";

	/** Each organisation's mood: how far its scores lean to the top of the scale (0 to 1). */
	private static final List<Mood> MOODS = List.of(new Mood("acme-retail", 0.72), new Mood("globex-trading", 0.55),
			new Mood("initech-logistics", 0.62), new Mood("stark-components", 0.8), new Mood("wayne-hardware", 0.5),
			new Mood("umbrella-supplies", 0.66));

	private record Mood(String customerId, double lean) {
	}

	private final ResponseService answers;

	private final SurveyResponseRepository responses;

	private final Rollups rollups;

	private final Clock clock;

	DemoHistory(ResponseService answers, SurveyResponseRepository responses, Rollups rollups, Clock clock) {
		this.answers = answers;
		this.responses = responses;
		this.rollups = rollups;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		// In the background: a year of answers is over a thousand writes, which must not hold the start (readiness).
		Thread loader = new Thread(() -> {
			try {
				load();
			}
			catch (RuntimeException ex) {
				log.warn("The demo's history of answers was not loaded: {}", ex.toString());
			}
		}, "demo-history");
		loader.setDaemon(true);
		loader.start();
	}

	/**
	 * Records the history unless its last answer is stored: each answer once (by its id, counted in the roll-ups by
	 * its own recording), then the invitations of those recorded now, a third more than answered, in one increment
	 * per organisation, survey and month.
	 */
	void load() {
		List<NewResponse> history = history(clock.instant());
		if (responses.existsById(history.get(history.size() - 1).responseId())) {
			return;
		}
		Map<String, long[]> invitations = new TreeMap<>();
		Random random = new Random(11);
		int recorded = 0;
		for (NewResponse answer : history) {
			boolean extra = random.nextInt(3) == 0;
			if (!answers.recordHistory(answer).created()) {
				continue;
			}
			recorded++;
			YearMonth invited = YearMonth.from(answer.answeredAt().minus(Duration.ofHours(6)).atOffset(ZoneOffset.UTC));
			long[] counts = invitations.computeIfAbsent(answer.customerId() + "|" + answer.kind() + "|" + invited,
					key -> new long[2]);
			counts[0] += extra ? 2 : 1;
			counts[1]++;
		}
		invitations.forEach((key, counts) -> {
			String[] parts = key.split("\\|");
			rollups.invitations(parts[0], parts[1],
					YearMonth.parse(parts[2]).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC), counts[0], counts[1]);
		});
		log.info("Loaded {} demo survey answers of the past year", recorded);
	}

	/** The same answers for the same {@code now}: about seven an organisation a month, 100 to 365 days ago. */
	static List<NewResponse> history(Instant now) {
		Random random = new Random(10);
		List<NewResponse> history = new ArrayList<>();
		for (int daysAgo = 365; daysAgo >= 100; daysAgo -= 2) {
			double progress = (365 - daysAgo) / 265.0;
			for (Mood mood : MOODS) {
				if (random.nextInt(2) == 0) {
					continue;
				}
				String kind = switch (random.nextInt(20)) {
					case 0, 1, 2 -> "NPS";
					case 3, 4, 5, 6, 7 -> "CES";
					default -> "CSAT";
				};
				int score = score(kind, Math.min(0.95, mood.lean() + 0.1 * progress), random);
				history.add(new NewResponse(PREFIX + history.size(), mood.customerId(), null, kind, score, null,
						now.minus(Duration.ofDays(daysAgo)).minus(Duration.ofMinutes(random.nextInt(600))),
						"RELATIONSHIP", null, "EMAIL"));
			}
		}
		return history;
	}

	/** A score of {@code kind}'s scale, leaning {@code lean} towards its top. */
	private static int score(String kind, double lean, Random random) {
		int min = kind.equals("NPS") ? 0 : 1;
		int max = switch (kind) {
			case "NPS" -> 10;
			case "CES" -> 7;
			default -> 5;
		};
		double drawn = Math.max(0, Math.min(1, lean + random.nextGaussian() * 0.22));
		return min + (int) Math.round(drawn * (max - min));
	}
}
