package com.rapport.feedback.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.rapport.feedback.response.ResponseService;
import com.rapport.feedback.response.SurveyResponse;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.security.Caller;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The signed-in contact's own invitations, for the portal's Surveys page: listed (open and answered) and answered
 * there without the mail's link. An invitation is the caller's when it was made for the contact customer-service
 * links to the login, in the token's organisation; any other, like an unknown one, is not found. The answer itself
 * follows the link's rules ({@link SurveyAnswers}): the first answer is final, an expired invitation takes none.
 */
@Service
public class MySurveys {

	/** How many of the contact's latest invitations are looked at (with the minimum interval, years of them). */
	static final int LOOKED_AT = 100;

	/** How many answered ones are shown. */
	static final int ANSWERED_SHOWN = 50;

	/** One invitation as the contact sees it; {@code answer} is null while unanswered. */
	public record Mine(Invitation invitation, SurveyResponse answer) {
	}

	public record Listing(List<Mine> open, List<Mine> answered) {
	}

	private final MongoTemplate mongo;

	private final SignedInContacts contacts;

	private final SurveyAnswers answers;

	private final ResponseService responses;

	private final Clock clock;

	MySurveys(MongoTemplate mongo, SignedInContacts contacts, SurveyAnswers answers, ResponseService responses,
			Clock clock) {
		this.mongo = mongo;
		this.contacts = contacts;
		this.answers = answers;
		this.responses = responses;
		this.clock = clock;
	}

	/** The caller's invitations, newest first: open (unanswered, not expired) and answered. */
	public Listing list(Caller caller) {
		String organisation = caller.customerId().orElse(null);
		String contact = organisation == null ? null : contacts.contactIdOf(caller).orElse(null);
		if (contact == null) {
			return new Listing(List.of(), List.of());
		}
		// Index contact_invited (contactId, invitedAt desc).
		Query query = Query.query(Criteria.where("contactId").is(contact).and("organisationId").is(organisation)
			.and("outcome").is(Invitation.Outcome.INVITED.name()))
			.with(Sort.by(Sort.Direction.DESC, "invitedAt")).limit(LOOKED_AT);
		List<Invitation> invitations = mongo.find(query, Invitation.class);
		Map<String, SurveyResponse> given = responses.findAll(invitations.stream().map(Invitation::id).toList())
			.stream().collect(Collectors.toMap(SurveyResponse::id, Function.identity()));
		Instant now = clock.instant();
		List<Mine> open = new ArrayList<>();
		List<Mine> answered = new ArrayList<>();
		for (Invitation invitation : invitations) {
			SurveyResponse answer = given.get(invitation.id());
			if (answer != null && answered.size() < ANSWERED_SHOWN) {
				answered.add(new Mine(invitation, answer));
			}
			else if (answer == null && !expired(invitation, now)) {
				open.add(new Mine(invitation, null));
			}
		}
		return new Listing(open, answered);
	}

	/** Answers the caller's invitation {@code invitationId} with {@code score}, through the portal. */
	public SurveyAnswers.Result answer(Caller caller, String invitationId, int score) {
		Invitation invitation = own(caller, invitationId);
		if (!invitation.answered() && expired(invitation, clock.instant())) {
			return new SurveyAnswers.Result(SurveyAnswers.Outcome.EXPIRED, invitation, 0);
		}
		return answers.answer(invitation, score, "PORTAL");
	}

	/** Adds the optional comment to the caller's answer of {@code invitationId}, once. */
	public SurveyAnswers.Result comment(Caller caller, String invitationId, String comment) {
		Invitation invitation = own(caller, invitationId);
		if (expired(invitation, clock.instant())) {
			return new SurveyAnswers.Result(SurveyAnswers.Outcome.EXPIRED, invitation, 0);
		}
		return answers.comment(invitation, comment);
	}

	private Invitation own(Caller caller, String invitationId) {
		String organisation = caller.customerId().orElse(null);
		Invitation invitation = invitationId == null || invitationId.isBlank() || organisation == null ? null
				: mongo.findById(invitationId, Invitation.class);
		// Another contact's invitation answers exactly like an unknown one; the contact is looked up only then.
		if (invitation == null || invitation.outcome() != Invitation.Outcome.INVITED
				|| !organisation.equals(invitation.organisationId()) || invitation.contactId() == null
				|| !invitation.contactId().equals(contacts.contactIdOf(caller).orElse(null))) {
			throw new NotFoundException(Message.of("feedback.survey.not-found"));
		}
		return invitation;
	}

	private static boolean expired(Invitation invitation, Instant now) {
		return invitation.expiresAt() != null && !now.isBefore(invitation.expiresAt());
	}
}
