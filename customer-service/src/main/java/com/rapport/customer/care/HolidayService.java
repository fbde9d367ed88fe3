package com.rapport.customer.care;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.rapport.customer.organisation.CustomerAccess;
import com.rapport.customer.organisation.ProfileRules;
import com.rapport.support.audit.AuditDetails;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.validation.TextRules;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * The holiday calendar: staff read it, managers and admins edit it. Every change goes to the audit trail
 * ({@code holiday.created}, {@code holiday.updated}, {@code holiday.deleted}); a holiday is configuration, not
 * personal data, so the details may name the date.
 */
@Service
public class HolidayService {

	static final int MAX_LISTED = 500;

	static final int MAX_NAME_LENGTH = 100;

	static final int MAX_GREETING_LENGTH = 1000;

	static final int MAX_COUNTRIES = 250;

	/** Anything in braces; only {@value Holiday#NAME_PLACEHOLDER} is a placeholder. */
	private static final Pattern BRACES = Pattern.compile("\\{[^{}]*}|[{}]");

	private final MongoTemplate mongo;

	private final AuditTrail audit;

	private final Clock clock;

	public HolidayService(MongoTemplate mongo, AuditTrail audit, Clock clock) {
		this.mongo = mongo;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a caller sends: texts, so that a bad date is a 422 naming the field rather than a 400. */
	public record HolidayInput(String date, List<String> countries, Map<String, String> name,
			Map<String, String> greeting) {
	}

	public static boolean mayEdit(Caller caller) {
		return caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN);
	}

	/** By date, at most {@value #MAX_LISTED}; {@code from} and {@code to} (ISO dates, inclusive) when given. */
	public List<Holiday> list(Caller caller, String from, String to) {
		requireStaff(caller);
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "holidays");
		LocalDate first = date(from, "from", errors);
		LocalDate last = date(to, "to", errors);
		if (first != null && last != null && last.isBefore(first)) {
			errors.rejectValue("to", "holiday.to-before-from");
		}
		UnprocessableException.throwIfAny(Message.of("holiday.dates-invalid"), errors);
		Criteria range = Criteria.where("date");
		Query query = new Query();
		if (first != null || last != null) {
			// Stored as ISO text (MongoConfiguration), which sorts like the dates.
			if (first != null) {
				range = range.gte(first.toString());
			}
			if (last != null) {
				range = range.lte(last.toString());
			}
			query.addCriteria(range);
		}
		return mongo.find(query.with(Sort.by("date", "_id")).limit(MAX_LISTED), Holiday.class);
	}

	public Holiday get(Caller caller, String id) {
		requireStaff(caller);
		return find(id);
	}

	public Holiday create(Caller caller, HolidayInput input) {
		requireEdit(caller);
		Instant now = now();
		Holiday holiday = validated(UUID.randomUUID().toString(), input, now, now);
		mongo.insert(holiday);
		audit.record(caller, "holiday.created", "holiday", holiday.id(), null, details(null, holiday));
		return holiday;
	}

	/** Replaces the holiday with {@code input} (the same body as {@link #create}). */
	public Holiday replace(Caller caller, String id, HolidayInput input) {
		requireEdit(caller);
		Holiday current = find(id);
		Holiday changed = validated(id, input, current.createdAt(), now());
		if (sameContent(current, changed)) {
			return current;
		}
		mongo.save(changed);
		audit.record(caller, "holiday.updated", "holiday", id, null, details(current, changed));
		return changed;
	}

	public void delete(Caller caller, String id) {
		requireEdit(caller);
		Holiday current = find(id);
		if (mongo.remove(Query.query(Criteria.where("_id").is(id)), Holiday.class).getDeletedCount() == 0) {
			throw notFound(id);
		}
		audit.record(caller, "holiday.deleted", "holiday", id, null, Map.of("date", current.date().toString()));
	}

	/** The holiday as stored from {@code input}, or an exception naming every bad field (also for the demo data). */
	public static Holiday validated(String id, HolidayInput input, Instant createdAt, Instant updatedAt) {
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "holiday");
		LocalDate date = date(input.date(), "date", errors);
		if (date == null && !errors.hasFieldErrors("date")) {
			errors.rejectValue("date", "field.required");
		}
		List<String> countries = new ArrayList<>();
		List<String> sent = input.countries() == null ? List.of() : input.countries();
		if (sent.size() > MAX_COUNTRIES) {
			errors.rejectValue("countries", "holiday.countries.too-many", new Object[] { MAX_COUNTRIES }, null);
		}
		else {
			for (int i = 0; i < sent.size(); i++) {
				String code = sent.get(i) == null ? "" : sent.get(i).strip().toUpperCase(Locale.ROOT);
				if (ProfileRules.isCountry(code)) {
					countries.add(code);
				}
				else {
					errors.rejectValue("countries[" + i + "]", "holiday.country.format");
				}
			}
		}
		Map<String, String> name = texts("name", input.name(), MAX_NAME_LENGTH, false, errors);
		Map<String, String> greeting = texts("greeting", input.greeting(), MAX_GREETING_LENGTH, true, errors);
		greeting.forEach((language, text) -> {
			if (BRACES.matcher(text).results().anyMatch(m -> !m.group().equals(Holiday.NAME_PLACEHOLDER))) {
				if (!errors.hasFieldErrors("greeting." + language)) {
					errors.rejectValue("greeting." + language, "holiday.greeting.placeholder",
							new Object[] { Holiday.NAME_PLACEHOLDER }, null);
				}
			}
		});
		UnprocessableException.throwIfAny(Message.of("holiday.invalid"), errors);
		return new Holiday(id, date, countries, name, greeting, createdAt, updatedAt);
	}

	/** One text per supported language, each required; any other key is an error. */
	private static Map<String, String> texts(String field, Map<String, String> sent, int maxLength, boolean multiline,
			Errors errors) {
		Map<String, String> texts = new LinkedHashMap<>();
		if (sent != null) {
			sent.forEach((key, value) -> {
				String language = key == null ? null : ProfileRules.language(key);
				if (language == null) {
					// The two languages offered (ProfileRules.LANGUAGES), in order.
					errors.rejectValue(field + "." + key, "holiday.language.unknown",
							ProfileRules.LANGUAGES.stream().sorted().toArray(), null);
				}
				else if (value != null && !value.isBlank()) {
					texts.put(language, value.strip());
				}
			});
		}
		for (String language : ProfileRules.LANGUAGES.stream().sorted().toList()) {
			String text = texts.get(language);
			if (text == null) {
				errors.rejectValue(field + "." + language, "field.required");
			}
			else if (text.length() > maxLength) {
				errors.rejectValue(field + "." + language, "field.max-length", new Object[] { maxLength }, null);
			}
			else if (!TextRules.isPlain(text, multiline)) {
				errors.rejectValue(field + "." + language, TextRules.problemCode(text, multiline));
			}
		}
		return texts;
	}

	private static LocalDate date(String text, String field, Errors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeException ex) {
			errors.rejectValue(field, "holiday.date.format");
			return null;
		}
	}

	private static boolean sameContent(Holiday a, Holiday b) {
		return a.date().equals(b.date()) && a.countries().equals(b.countries()) && a.name().equals(b.name())
				&& a.greeting().equals(b.greeting());
	}

	/** The changed field names, and the date, which is what staff look for in the trail. */
	private static Map<String, String> details(Holiday before, Holiday after) {
		Map<String, String> details = new LinkedHashMap<>(
				AuditDetails.fields(AuditDetails.changedFields(before, after, "id", "createdAt", "updatedAt")));
		details.put("date", after.date().toString());
		return details;
	}

	private Holiday find(String id) {
		if (id == null || id.isBlank()) {
			throw notFound(id);
		}
		Holiday holiday = mongo.findById(id, Holiday.class);
		if (holiday == null) {
			throw notFound(id);
		}
		return holiday;
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static NotFoundException notFound(String id) {
		return new NotFoundException(Message.of("holiday.not-found", id));
	}

	private static void requireStaff(Caller caller) {
		if (!CustomerAccess.isStaff(caller)) {
			throw new AccessDeniedException("The holiday calendar is for staff");
		}
	}

	private static void requireEdit(Caller caller) {
		if (!mayEdit(caller)) {
			throw new AccessDeniedException("Managers and admins edit the holiday calendar");
		}
	}
}
