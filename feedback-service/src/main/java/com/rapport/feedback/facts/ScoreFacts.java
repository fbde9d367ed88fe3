package com.rapport.feedback.facts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.response.SurveyResponse;
import com.rapport.feedback.score.Figures;
import com.rapport.feedback.score.ScoreProperties;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The CSAT share and NPS of many organisations at once, over the same window and by the same rules ({@link Figures})
 * as {@code GetCustomerScores} gives one organisation's: one read of the window's CSAT and NPS answers of the whole
 * page (by the index {@code customer_kind_newest}). Services alone.
 */
@Service
public class ScoreFacts {

	/** The most organisations one call takes: customer-service's page. */
	public static final int MAX_ORGANISATIONS = 500;

	private final MongoTemplate mongo;

	private final ScoreProperties properties;

	private final Clock clock;

	ScoreFacts(MongoTemplate mongo, ScoreProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	/** One organisation's figures: absent without answers of their kind. */
	public record Facts(String customerId, int csatCount, OptionalInt csatPercentBasisPoints, int npsCount,
			OptionalInt nps) {
	}

	public long windowDays() {
		return properties.window().toDays();
	}

	/** The figures of each organisation asked, in the order asked. */
	public List<Facts> of(Caller caller, List<String> customerIds) {
		if (!caller.hasRole(Caller.INTERNAL)) {
			throw new AccessDeniedException("Score facts are for services");
		}
		check(customerIds);
		Instant from = clock.instant().minus(properties.window());
		Map<String, List<Integer>> csat = new LinkedHashMap<>();
		Map<String, List<Integer>> nps = new LinkedHashMap<>();
		Query answers = Query.query(Criteria.where("customerId").in(customerIds).and("kind")
			.in(SurveyKind.CSAT, SurveyKind.NPS).and("answeredAt").gte(from));
		answers.fields().include("customerId", "kind", "score", "answeredAt");
		for (SurveyResponse answer : mongo.find(answers, SurveyResponse.class)) {
			(answer.kind() == SurveyKind.CSAT ? csat : nps).computeIfAbsent(answer.customerId(), k -> new ArrayList<>())
				.add(answer.score());
		}
		return customerIds.stream().map(id -> {
			Figures.Csat c = Figures.Csat.of(csat.getOrDefault(id, List.of()));
			Figures.Nps n = Figures.Nps.of(nps.getOrDefault(id, List.of()));
			return new Facts(id, c.count(), c.percentBasisPoints(), n.count(), n.score());
		}).toList();
	}

	private static void check(List<String> customerIds) {
		Set<String> seen = new HashSet<>();
		boolean bad = customerIds.isEmpty() || customerIds.size() > MAX_ORGANISATIONS
				|| customerIds.stream().anyMatch(id -> id == null || id.isBlank() || !seen.add(id));
		if (bad) {
			throw UnprocessableException.field(Message.of("facts.organisations-invalid"), "customerIds",
					Message.of("facts.organisations.range", MAX_ORGANISATIONS));
		}
	}
}
