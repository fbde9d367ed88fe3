package com.rapport.feedback.response;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Records survey answers: each is validated against its survey's scale and stored once by its id, together
 * with the timeline event the relay tells customer-service afterwards (so an answer is never lost to
 * customer-service being down, and nothing here waits for it).
 */
@Service
public class ResponseService {

	/** The longest comment kept; longer is refused rather than cut, so nothing the contact wrote is lost unseen. */
	/** How far ahead of this service's clock an answer time may be (another system's clock running fast). */
	static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

	public static final int MAX_COMMENT_LENGTH = 2000;

	/** Ids and subject ids; short enough that the timeline's event id and reference made of them stay within its 200. */
	static final int MAX_ID_LENGTH = 150;

	private final SurveyResponseRepository responses;

	private final Clock clock;

	public ResponseService(SurveyResponseRepository responses, Clock clock) {
		this.responses = responses;
		this.clock = clock;
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
		Map<String, String> errors = new LinkedHashMap<>();
		String id = required(answer.responseId(), "responseId", errors);
		String customerId = required(answer.customerId(), "customerId", errors);
		SurveyKind kind = parse(SurveyKind.class, answer.kind(), "kind", errors);
		if (kind == null && blank(answer.kind())) {
			errors.put("kind", "required");
		}
		if (answer.score() == null) {
			errors.put("score", "required");
		}
		else if (kind != null && !kind.accepts(answer.score())) {
			errors.put("score", "must be between " + kind.min() + " and " + kind.max() + " for " + kind.name());
		}
		Instant now = clock.instant();
		Instant answeredAt = answer.answeredAt() == null ? now : answer.answeredAt();
		if (answeredAt.isAfter(now.plus(CLOCK_SKEW))) {
			errors.put("answeredAt", "must not be in the future (more than " + CLOCK_SKEW.toMinutes()
					+ " minutes ahead of this service's clock)");
		}
		else if (answeredAt.isAfter(now)) {
			answeredAt = now; // a collecting system's clock a little ahead: the answer counts from now
		}
		String comment = blank(answer.comment()) ? null : answer.comment().strip();
		if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
			errors.put("comment", "must be at most " + MAX_COMMENT_LENGTH + " characters");
		}
		SubjectType subjectType = blank(answer.subjectType()) ? SubjectType.RELATIONSHIP
				: parse(SubjectType.class, answer.subjectType(), "subjectType", errors);
		String subjectId = blank(answer.subjectId()) ? null : answer.subjectId().strip();
		if (subjectId != null && subjectId.length() > MAX_ID_LENGTH) {
			errors.put("subjectId", "must be at most " + MAX_ID_LENGTH + " characters");
		}
		else if (subjectType == SubjectType.RELATIONSHIP && subjectId != null) {
			errors.put("subjectId", "must be empty for the relationship as a whole");
		}
		else if (subjectType != null && subjectType != SubjectType.RELATIONSHIP && subjectId == null) {
			errors.put("subjectId", "required for subject type " + subjectType.name());
		}
		ResponseChannel channel = blank(answer.channel()) ? null
				: parse(ResponseChannel.class, answer.channel(), "channel", errors);
		String contactId = blank(answer.contactId()) ? null : answer.contactId().strip();
		if (contactId != null && contactId.length() > MAX_ID_LENGTH) {
			errors.put("contactId", "must be at most " + MAX_ID_LENGTH + " characters");
		}
		if (!errors.isEmpty()) {
			throw new UnprocessableException("The survey answer is not valid.", errors);
		}
		Optional<SurveyResponse> earlier = responses.findById(id);
		if (earlier.isPresent()) {
			return replay(earlier.get(), customerId, kind, answer.score());
		}
		SurveyResponse response = SurveyResponse.answered(id, customerId, contactId, kind, answer.score(), comment,
				answeredAt, subjectType, subjectId, channel);
		try {
			return new Recorded(responses.insert(response), true);
		}
		catch (DuplicateKeyException ex) {
			// The same answer sent twice at once: the other call stored it.
			return replay(responses.findById(id).orElseThrow(() -> ex), customerId, kind, answer.score());
		}
	}

	private static Recorded replay(SurveyResponse earlier, String customerId, SurveyKind kind, int score) {
		if (!earlier.customerId().equals(customerId) || earlier.kind() != kind || earlier.score() != score) {
			throw new ConflictException("Survey answer " + earlier.id() + " was already recorded with other values.");
		}
		return new Recorded(earlier, false);
	}

	private static String required(String value, String field, Map<String, String> errors) {
		if (blank(value)) {
			errors.put(field, "required");
			return null;
		}
		if (value.strip().length() > MAX_ID_LENGTH) {
			errors.put(field, "must be at most " + MAX_ID_LENGTH + " characters");
		}
		return value.strip();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String name, String field, Map<String, String> errors) {
		if (blank(name)) {
			return null;
		}
		try {
			return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.put(field, "unknown: '" + name.strip() + "'; one of " + java.util.Arrays.toString(type.getEnumConstants()));
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
