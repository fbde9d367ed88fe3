package com.rapport.feedback.score;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.response.SurveyResponse;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.stereotype.Service;

/**
 * An organisation's scores, for whoever may see the organisation: staff and services any, a customer
 * contact only its own (another organisation answers exactly like one the caller may not see, NOT_FOUND, as
 * in order-tracking-service) and without comments, which are the words of its colleagues to the supplier.
 * This service knows answers, not organisations: one without answers has no latest answers and zero counts.
 */
@Service
public class ScoreService {

	/** The partner scope that reads answers and figures. */
	public static final String PARTNER_READ = "feedback.read";

	private final SurveyResponseRepository responses;

	private final Clock clock;

	private final ScoreProperties properties;

	public ScoreService(SurveyResponseRepository responses, Clock clock, ScoreProperties properties) {
		this.responses = responses;
		this.clock = clock;
		this.properties = properties;
	}

	public CustomerScores of(Caller caller, String customerId) {
		if (customerId == null || customerId.isBlank()) {
			throw UnprocessableException.field(Message.of("feedback.scores.organisation-required"), "customerId",
					Message.of("field.required"));
		}
		// partners with feedback.read are the supplier's own systems: every organisation, with comments
		boolean readsAll = caller.seesAllCustomers() || caller.hasScope(PARTNER_READ);
		if (!readsAll && !caller.canSeeCustomer(customerId)) {
			throw new NotFoundException(Message.of("organisation.not-found", customerId));
		}
		Instant from = clock.instant().minus(properties.window());
		CustomerScores scores = new CustomerScores(customerId, latest(customerId, SurveyKind.CSAT),
				latest(customerId, SurveyKind.NPS), latest(customerId, SurveyKind.CES), properties.window().toDays(),
				from, Figures.Csat.of(scoresSince(customerId, SurveyKind.CSAT, from)),
				Figures.Nps.of(scoresSince(customerId, SurveyKind.NPS, from)),
				Figures.Ces.of(scoresSince(customerId, SurveyKind.CES, from)));
		return readsAll ? scores : scores.withoutComments();
	}

	private Optional<CustomerScores.Latest> latest(String customerId, SurveyKind kind) {
		return responses.findFirstByCustomerIdAndKindOrderByAnsweredAtDescIdDesc(customerId, kind)
			.map(answer -> new CustomerScores.Latest(answer.score(), answer.answeredAt(), answer.comment(),
					answer.subjectType(), answer.subjectId()));
	}

	private List<Integer> scoresSince(String customerId, SurveyKind kind, Instant from) {
		return responses.findScoresSince(customerId, kind, from).stream().map(SurveyResponse::score).toList();
	}
}
