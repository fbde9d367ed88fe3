package com.rapport.feedback.invitation;

import java.time.Clock;
import java.time.Instant;

import com.rapport.feedback.response.NewResponse;
import com.rapport.feedback.response.ResponseService;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Answers given through an invitation's link. The token must be ours and not expired, and the invitation
 * unanswered; the answer is stored as the invitation's own response (its id is the invitation's), so the
 * response store's idempotency makes the first answer final even when two clicks race. The comment comes
 * after the score, once. Nothing is stored for a forged or expired token or a second answer.
 */
@Service
public class SurveyAnswers {

	public enum Outcome {
		RECORDED, COMMENTED, ALREADY_ANSWERED, EXPIRED, INVALID
	}

	/** What the page says: the outcome, and (for a token of ours) the language, the score and the subject. */
	public record Result(Outcome outcome, Invitation invitation, int score) {

		static Result of(Outcome outcome) {
			return new Result(outcome, null, 0);
		}
	}

	private final SurveyTokens tokens;

	private final Invitations invitations;

	private final ResponseService responses;

	private final MongoTemplate mongo;

	private final Clock clock;

	SurveyAnswers(SurveyTokens tokens, Invitations invitations, ResponseService responses,
			MongoTemplate mongo, Clock clock) {
		this.tokens = tokens;
		this.invitations = invitations;
		this.responses = responses;
		this.mongo = mongo;
		this.clock = clock;
	}

	public Result answer(String token, int score) {
		Reading reading = read(token);
		if (reading.result() != null) {
			return reading.result();
		}
		Invitation invitation = reading.invitation();
		if (invitation.answered()) {
			return new Result(Outcome.ALREADY_ANSWERED, invitation, storedScore(invitation));
		}
		if (score < 1 || score > 5) {
			throw new UnprocessableException(Message.of("feedback.answer-invalid"),
					java.util.Map.of("score", Message.of("feedback.score.range", 1, 5, invitation.kind())));
		}
		Instant now = clock.instant();
		try {
			var recorded = responses.record(new NewResponse(invitation.id(), invitation.organisationId(),
					invitation.contactId(), invitation.kind(), score, null, now, invitation.subjectType(),
					invitation.subjectLabel(), "EMAIL"));
			if (!recorded.created()) {
				return new Result(Outcome.ALREADY_ANSWERED, invitation, recorded.response().score());
			}
		}
		catch (ConflictException ex) {
			return new Result(Outcome.ALREADY_ANSWERED, invitation, storedScore(invitation));
		}
		mongo.updateFirst(Query.query(Criteria.where("_id").is(invitation.id()).and("answeredAt").is(null)),
				new Update().set("answeredAt", now).set("responseId", invitation.id()), Invitation.class);
		return new Result(Outcome.RECORDED, invitation, score);
	}

	public Result comment(String token, String comment) {
		Reading reading = read(token);
		if (reading.result() != null) {
			return reading.result();
		}
		Invitation invitation = reading.invitation();
		int score = storedScore(invitation);
		if (score == 0 || !responses.addComment(invitation.id(), comment)) {
			return new Result(Outcome.ALREADY_ANSWERED, invitation, score);
		}
		return new Result(Outcome.COMMENTED, invitation, score);
	}

	private int storedScore(Invitation invitation) {
		return responses.scoreOf(invitation.id());
	}

	private record Reading(Invitation invitation, Result result) {
	}

	private Reading read(String token) {
		SurveyTokens.Reading reading = tokens.read(token);
		if (reading instanceof SurveyTokens.Expired expired) {
			return new Reading(null, invitations.find(expired.invitationId())
				.map(i -> new Result(Outcome.EXPIRED, i, 0))
				.orElse(Result.of(Outcome.INVALID)));
		}
		if (reading instanceof SurveyTokens.Valid valid) {
			return invitations.find(valid.invitationId())
				.filter(i -> i.outcome() == Invitation.Outcome.INVITED)
				.map(i -> new Reading(i, null))
				.orElse(new Reading(null, Result.of(Outcome.INVALID)));
		}
		return new Reading(null, Result.of(Outcome.INVALID));
	}
}
