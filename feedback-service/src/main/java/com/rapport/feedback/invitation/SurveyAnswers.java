package com.rapport.feedback.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.rapport.feedback.response.NewResponse;
import com.rapport.feedback.response.ResponseService;
import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.response.SurveyResponse;
import com.rapport.feedback.rollup.Rollups;
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

	private final Rollups rollups;

	SurveyAnswers(SurveyTokens tokens, Invitations invitations, ResponseService responses,
			MongoTemplate mongo, Clock clock, Rollups rollups) {
		this.rollups = rollups;
		this.tokens = tokens;
		this.invitations = invitations;
		this.responses = responses;
		this.mongo = mongo;
		this.clock = clock;
	}

	public Result answer(String token, int score) {
		Reading reading = read(token);
		return reading.result() != null ? reading.result() : answer(reading.invitation(), score, "EMAIL");
	}

	public Result comment(String token, String comment) {
		Reading reading = read(token);
		return reading.result() != null ? reading.result() : comment(reading.invitation(), comment);
	}

	/**
	 * Stores {@code score} as the answer of {@code invitation} (INVITED, known to be the caller's and not expired),
	 * given through {@code channel}: the mail's link (EMAIL) or the portal's Surveys page (PORTAL).
	 */
	Result answer(Invitation invitation, int score, String channel) {
		if (invitation.answered()) {
			return new Result(Outcome.ALREADY_ANSWERED, invitation, storedScore(invitation));
		}
		SurveyKind kind = SurveyKind.valueOf(invitation.kind());
		if (!kind.accepts(score)) {
			throw new UnprocessableException(Message.of("feedback.answer-invalid"),
					Map.of("score", Message.of("feedback.score.range", kind.min(), kind.max(), invitation.kind())));
		}
		Instant now = clock.instant();
		try {
			var recorded = responses.record(new NewResponse(invitation.id(), invitation.organisationId(),
					invitation.contactId(), invitation.kind(), score, null, now, invitation.subjectType(),
					invitation.subjectLabel(), channel));
			if (!recorded.created()) {
				return new Result(Outcome.ALREADY_ANSWERED, invitation, recorded.response().score());
			}
			// Once, by the call that stored the answer: the response rate of the month the invitation went out.
			rollups.invitationAnswered(invitation.organisationId(), invitation.kind(), invitation.invitedAt());
		}
		catch (ConflictException ex) {
			return new Result(Outcome.ALREADY_ANSWERED, invitation, storedScore(invitation));
		}
		mongo.updateFirst(Query.query(Criteria.where("_id").is(invitation.id()).and("answeredAt").is(null)),
				new Update().set("answeredAt", now).set("responseId", invitation.id()), Invitation.class);
		return new Result(Outcome.RECORDED, invitation, score);
	}

	/** Adds the optional comment to the answer of {@code invitation} (known to be the caller's), once. */
	Result comment(Invitation invitation, String comment) {
		Optional<SurveyResponse> answer = responses.find(invitation.id());
		int score = answer.map(SurveyResponse::score).orElse(0);
		// No answer yet (an NPS may be 0, so the score cannot tell) or a comment given before.
		if (answer.isEmpty() || !responses.addComment(invitation.id(), comment)) {
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
