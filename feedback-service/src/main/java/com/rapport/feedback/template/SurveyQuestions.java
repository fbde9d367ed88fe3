package com.rapport.feedback.template;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rapport.feedback.response.SurveyKind;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;
import com.rapport.support.security.Caller;

import org.springframework.context.MessageSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The question each survey asks, in the contact's language: the managers' wording where they saved one, else the
 * default (the shared codes {@code survey.question.<kind>.<subject type>}). Saved only over the version read, each
 * change audited; a wording is refused naming its field when too short, too long, without the {@code {subject}} a
 * CSAT or CES must name, or with a placeholder there is none of.
 */
@Service
public class SurveyQuestions {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 300;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*\\}");

	private final MongoTemplate mongo;

	private final AuditTrail audit;

	private final Clock clock;

	private final MessageSource texts = Texts.withSharedCodes(new StaticMessageSource());

	SurveyQuestions(MongoTemplate mongo, AuditTrail audit, Clock clock) {
		this.mongo = mongo;
		this.audit = audit;
		this.clock = clock;
	}

	public SurveyTemplates current() {
		SurveyTemplates stored = mongo.findById(SurveyTemplates.ID, SurveyTemplates.class);
		return stored == null ? SurveyTemplates.DEFAULTS : stored;
	}

	/**
	 * The question of a {@code kind} survey about {@code subjectLabel} (T-1001; null for the relationship) in
	 * {@code language}: the managers' wording with its subject filled in, else the default for the subject type.
	 */
	public String question(SurveyKind kind, String subjectType, String subjectLabel, String language) {
		return question(current(), kind, subjectType, subjectLabel, language);
	}

	/** As {@link #question(SurveyKind, String, String, String)}, from templates already read. */
	public String question(SurveyTemplates templates, SurveyKind kind, String subjectType, String subjectLabel,
			String language) {
		TemplateKey key = new TemplateKey(kind, language);
		String label = subjectLabel == null ? "" : subjectLabel;
		return custom(templates, key).map(text -> text.replace(TemplateKey.SUBJECT, label))
			.orElseGet(() -> defaultQuestion(key, subjectType, label));
	}

	/** The managers' wording of {@code key} with its subject filled in, if they saved one. */
	public Optional<String> customQuestion(SurveyKind kind, String language, String subjectLabel) {
		return custom(current(), new TemplateKey(kind, language))
			.map(text -> text.replace(TemplateKey.SUBJECT, subjectLabel == null ? "" : subjectLabel));
	}

	/**
	 * The default wording of {@code key} with the placeholder left in, as the console shows it: for a CES the one
	 * after a delivered order (after a ticket it names the ticket instead).
	 */
	public String defaultTemplate(TemplateKey key) {
		return defaultQuestion(key, key.kind() == SurveyKind.NPS ? "RELATIONSHIP" : key.kind() == SurveyKind.CSAT
				? "TICKET" : "ORDER", TemplateKey.SUBJECT);
	}

	private String defaultQuestion(TemplateKey key, String subjectType, String label) {
		String code = "survey.question." + key.kind().name().toLowerCase(Locale.ROOT) + "."
				+ (subjectType == null ? "relationship" : subjectType.toLowerCase(Locale.ROOT));
		return texts.getMessage(code, new Object[] { label }, code, key.locale());
	}

	private static Optional<String> custom(SurveyTemplates templates, TemplateKey key) {
		return Optional.ofNullable(templates.custom(key)).filter(text -> !text.isBlank());
	}

	/**
	 * Saves the wordings over the version read: each key of {@code wordings} gets its text, a blank one the default
	 * again; keys left out stay as they are. Every bad wording is refused at once naming its field, nothing saved.
	 */
	public SurveyTemplates update(Caller caller, Map<TemplateKey, String> wordings, long expectedVersion) {
		Map<String, Message> invalid = new LinkedHashMap<>();
		if (expectedVersion < 0) {
			invalid.put("expectedVersion", Message.of("field.not-negative"));
		}
		Map<String, String> cleaned = new LinkedHashMap<>();
		wordings.forEach((key, text) -> {
			String wording = text == null ? "" : text.strip();
			problem(key, wording).ifPresentOrElse(problem -> invalid.put(key.field(), problem),
					() -> cleaned.put(key.id(), wording));
		});
		if (!invalid.isEmpty()) {
			throw new UnprocessableException(Message.of("feedback.templates-invalid"), invalid);
		}
		SurveyTemplates before = current();
		if (before.version() != expectedVersion) {
			throw new ConflictException(Message.of("feedback.templates.changed-meanwhile"));
		}
		Map<String, String> after = new LinkedHashMap<>(before.texts());
		Map<String, String> details = new LinkedHashMap<>();
		cleaned.forEach((id, wording) -> {
			String was = before.texts().getOrDefault(id, "");
			if (!was.equals(wording)) {
				details.put(id, (was.isEmpty() ? "(default)" : was) + " -> " + (wording.isEmpty() ? "(default)" : wording));
			}
			if (wording.isEmpty()) {
				after.remove(id);
			}
			else {
				after.put(id, wording);
			}
		});
		if (details.isEmpty()) {
			return before;
		}
		Update change = new Update().set("texts", after).set("version", expectedVersion + 1)
			.set("updatedBy", caller.name()).set("updatedAt", clock.instant());
		try {
			// Matches only the version read; the first save is an upsert, which a save meanwhile makes a duplicate id.
			mongo.upsert(Query.query(Criteria.where("_id").is(SurveyTemplates.ID).and("version").is(expectedVersion)),
					change, SurveyTemplates.class);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException(Message.of("feedback.templates.changed-meanwhile"));
		}
		audit.record(caller, "survey-templates.updated", "survey-templates", SurveyTemplates.ID, null, details);
		return current();
	}

	/** What is wrong with a wording, if anything; blank is no wording (the default again), never wrong. */
	static Optional<Message> problem(TemplateKey key, String wording) {
		if (wording.isEmpty()) {
			return Optional.empty();
		}
		int length = wording.codePointCount(0, wording.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			return Optional.of(Message.of("feedback.template.length", MIN_LENGTH, MAX_LENGTH));
		}
		Matcher placeholders = PLACEHOLDER.matcher(wording);
		boolean namesSubject = false;
		while (placeholders.find()) {
			String placeholder = placeholders.group();
			if (!key.namesSubject() || !TemplateKey.SUBJECT.equals(placeholder)) {
				return Optional.of(Message.of("feedback.template.placeholder.unknown", placeholder));
			}
			namesSubject = true;
		}
		if (key.namesSubject() && !namesSubject) {
			return Optional.of(Message.of("feedback.template.placeholder.missing", TemplateKey.SUBJECT));
		}
		return Optional.empty();
	}
}
