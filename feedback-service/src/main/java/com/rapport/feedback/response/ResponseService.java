package com.rapport.feedback.response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.rapport.feedback.sentiment.Sentiment;
import com.rapport.feedback.sentiment.SentimentAnalyser;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * Records survey answers: each is validated against its survey's scale and stored once by its id, together
 * with how its comment reads, the timeline event the relay tells customer-service afterwards and, for an unhappy
 * score or comment ({@link FollowUpRules}), the follow-up ticket ticket-service is to open (so an answer is never
 * lost to customer-service being down, and nothing here waits for it).
 */
@Service
public class ResponseService {

	/** How far ahead of this service's clock an answer time may be (another system's clock running fast). */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/** The longest comment kept; longer is refused rather than cut, so nothing the contact wrote is lost unseen. */
	public static final int MAX_COMMENT_LENGTH = 2000;

	/** Ids and subject ids; short enough that the timeline's event id and reference made of them stay within its 200. */
	static final int MAX_ID_LENGTH = 150;

	private final SurveyResponseRepository responses;

	private final Clock clock;

	private final FollowUpPolicy followUps;

	private final FollowUpThresholds thresholds;

	private final SentimentAnalyser sentiments;

	private final List<AnswerTally> tallies;

	public ResponseService(SurveyResponseRepository responses, Clock clock) {
		this(responses, clock, FollowUpPolicy.DEFAULTS);
	}

	public ResponseService(SurveyResponseRepository responses, Clock clock, FollowUpPolicy followUps) {
		this(responses, clock, followUps, followUps::defaults, new SentimentAnalyser(), List.of());
	}

	public ResponseService(SurveyResponseRepository responses, Clock clock, AnswerTally tally) {
		this(responses, clock, FollowUpPolicy.DEFAULTS, FollowUpPolicy.DEFAULTS::defaults, new SentimentAnalyser(),
				List.of(tally));
	}

	@Autowired
	public ResponseService(SurveyResponseRepository responses, Clock clock, FollowUpPolicy followUps,
			FollowUpThresholds thresholds, SentimentAnalyser sentiments, List<AnswerTally> tallies) {
		this.responses = responses;
		this.clock = clock;
		this.followUps = followUps;
		this.thresholds = thresholds;
		this.sentiments = sentiments;
		this.tallies = List.copyOf(tallies);
	}

	/** The outcome of recording: the stored answer, and whether this call stored it. */
	public record Recorded(SurveyResponse response, boolean created) {
	}

	/**
	 * Stores the answer once. The same response id sent again answers the answer stored the first time; the
	 * same id with another organisation, kind or score is a conflict. Every invalid field is named in the
	 * {@link UnprocessableException}.
	 */
	public Recorded record(NewResponse answer) {
		return record(answer, true, true);
	}

	/**
	 * Stores an answer of the past whose unhappiness was already acted on (the demo's, whose complaint is in
	 * ticket-service's demo): no follow-up ticket is owed for it.
	 */
	public Recorded recordActedOn(NewResponse answer) {
		return record(answer, false, true);
	}

	/**
	 * Stores an answer of long ago (the demo's year of history): counted in the figures like any, but owing no
	 * follow-up and not told to the timeline, where a year of answers would bury what happened lately.
	 */
	public Recorded recordHistory(NewResponse answer) {
		return record(answer, false, false);
	}

	private Recorded record(NewResponse answer, boolean followUp, boolean toTimeline) {
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "response");
		String id = required(answer.responseId(), "responseId", errors);
		String customerId = required(answer.customerId(), "customerId", errors);
		SurveyKind kind = parse(SurveyKind.class, answer.kind(), "kind", errors);
		if (kind == null && blank(answer.kind())) {
			errors.rejectValue("kind", "field.required");
		}
		if (answer.score() == null) {
			errors.rejectValue("score", "field.required");
		}
		else if (kind != null && !kind.accepts(answer.score())) {
			errors.rejectValue("score", "feedback.score.range", new Object[] { kind.min(), kind.max(), kind.name() }, null);
		}
		Instant now = clock.instant();
		Instant answeredAt = answer.answeredAt() == null ? now : answer.answeredAt();
		if (answeredAt.isAfter(now.plus(CLOCK_SKEW))) {
			errors.rejectValue("answeredAt", "feedback.answered-at.future", new Object[] { CLOCK_SKEW.toMinutes() },
					null);
		}
		else if (answeredAt.isAfter(now)) {
			answeredAt = now; // a collecting system's clock a little ahead: the answer counts from now
		}
		String comment = blank(answer.comment()) ? null : answer.comment().strip();
		if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
			errors.rejectValue("comment", "field.too-long", new Object[] { MAX_COMMENT_LENGTH }, null);
		}
		SubjectType subjectType = blank(answer.subjectType()) ? SubjectType.RELATIONSHIP
				: parse(SubjectType.class, answer.subjectType(), "subjectType", errors);
		String subjectId = blank(answer.subjectId()) ? null : answer.subjectId().strip();
		if (subjectId != null && subjectId.length() > MAX_ID_LENGTH) {
			errors.rejectValue("subjectId", "field.too-long", new Object[] { MAX_ID_LENGTH }, null);
		}
		else if (subjectType == SubjectType.RELATIONSHIP && subjectId != null) {
			errors.rejectValue("subjectId", "feedback.subject-id.relationship");
		}
		else if (subjectType != null && subjectType != SubjectType.RELATIONSHIP && subjectId == null) {
			errors.rejectValue("subjectId", "feedback.subject-id.required", new Object[] { subjectType.name() }, null);
		}
		ResponseChannel channel = blank(answer.channel()) ? null
				: parse(ResponseChannel.class, answer.channel(), "channel", errors);
		String contactId = blank(answer.contactId()) ? null : answer.contactId().strip();
		if (contactId != null && contactId.length() > MAX_ID_LENGTH) {
			errors.rejectValue("contactId", "field.too-long", new Object[] { MAX_ID_LENGTH }, null);
		}
		UnprocessableException.throwIfAny(Message.of("feedback.answer-invalid"), errors);
		Optional<SurveyResponse> earlier = responses.findById(id);
		if (earlier.isPresent()) {
			return replay(earlier.get(), customerId, kind, answer.score());
		}
		Sentiment sentiment = comment == null ? null : sentiments.analyse(comment);
		SurveyResponse response = SurveyResponse.answered(id, customerId, contactId, kind, answer.score(), comment,
				answeredAt, subjectType, subjectId, channel, sentiment);
		if (!toTimeline) {
			response = response.withoutEvents();
		}
		if (followUp) {
			FollowUpRules rules = thresholds.rules();
			String reason = rules.byScore(kind, answer.score());
			if (reason == null) {
				reason = rules.byComment(sentiment);
			}
			if (reason != null) {
				// Written with the answer, so the follow-up survives ticket-service being down (FollowUpOutbox).
				response = response.withFollowUp(now.plus(followUps.commentWait()), reason);
			}
		}
		SurveyResponse stored;
		try {
			stored = responses.insert(response);
		}
		catch (DuplicateKeyException ex) {
			// The same answer sent twice at once: the other call stored it.
			return replay(responses.findById(id).orElseThrow(() -> ex), customerId, kind, answer.score());
		}
		// The insert is the claim: only the call that stored the answer counts it, so a replay counts nothing.
		tallies.forEach(tally -> tally.counted(stored));
		return new Recorded(stored, true);
	}

	/** The answer {@code id}, if given. */
	public Optional<SurveyResponse> find(String id) {
		return responses.findById(id);
	}

	/** Those of the answers {@code ids} that were given (by {@code _id}). */
	public List<SurveyResponse> findAll(Collection<String> ids) {
		return ids.isEmpty() ? List.of() : responses.findAllById(ids);
	}

	/** The score of the answer {@code id}, 0 when there is none. */
	public int scoreOf(String id) {
		return responses.findById(id).map(SurveyResponse::score).orElse(0);
	}

	/**
	 * Adds the comment (stripped, at most {@value #MAX_COMMENT_LENGTH} characters, else refused) to answer
	 * {@code id} if it has none yet, with how it reads; answers whether it did. A comment once given is final. A
	 * comment that reads negative or urgent on an answer whose score asked for no follow-up adds one (due at once),
	 * in the same write.
	 */
	public boolean addComment(String id, String comment) {
		String text = comment == null ? "" : comment.strip();
		if (text.length() > MAX_COMMENT_LENGTH) {
			throw new UnprocessableException(Message.of("feedback.answer-invalid"),
					Map.of("comment", Message.of("field.too-long", MAX_COMMENT_LENGTH)));
		}
		if (text.isEmpty()) {
			return false;
		}
		Optional<SurveyResponse> answer = responses.findById(id);
		if (answer.isEmpty() || answer.get().comment() != null) {
			return false;
		}
		Sentiment sentiment = sentiments.analyse(text);
		FollowUpRules rules = thresholds.rules();
		SurveyResponse answered = answer.get();
		String reason = answered.followUps().isEmpty() && rules.byScore(answered.kind(), answered.score()) == null
				? rules.byComment(sentiment) : null;
		if (reason != null) {
			return responses.addCommentWithFollowUpIfNone(id, text, sentiment,
					SurveyResponse.followUp(id, clock.instant(), reason)) > 0;
		}
		return responses.addCommentIfNone(id, text, sentiment) > 0;
	}

	private static Recorded replay(SurveyResponse earlier, String customerId, SurveyKind kind, int score) {
		if (!earlier.customerId().equals(customerId) || earlier.kind() != kind || earlier.score() != score) {
			throw new ConflictException(Message.of("feedback.answer-differs", earlier.id()));
		}
		return new Recorded(earlier, false);
	}

	private static String required(String value, String field, Errors errors) {
		if (blank(value)) {
			errors.rejectValue(field, "field.required");
			return null;
		}
		if (value.strip().length() > MAX_ID_LENGTH) {
			errors.rejectValue(field, "field.too-long", new Object[] { MAX_ID_LENGTH }, null);
		}
		return value.strip();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String name, String field, Errors errors) {
		if (blank(name)) {
			return null;
		}
		try {
			return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue(field, "field.unknown-choice",
					new Object[] { name.strip(), java.util.Arrays.toString(type.getEnumConstants()) }, null);
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
