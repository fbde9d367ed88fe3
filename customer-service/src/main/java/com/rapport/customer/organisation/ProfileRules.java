package com.rapport.customer.organisation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.validation.TextRules;

/**
 * The field rules of organisations and contacts, applied all at once so that one answer names every bad
 * field. {@link #organisation} and {@link #contact} merge an input into the current record (or a new one).
 */
public final class ProfileRules {

	public static final Set<String> LANGUAGES = Set.of("en", "zh-CN");

	static final int MAX_TAGS = 20;

	static final int MAX_CONTACTS = 500;

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final Pattern ORGANISATION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

	private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:~-]{0,99}");

	private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

	// One @, no spaces, a dotted domain of letters, digits and hyphens; RFC 5321 length limits.
	private static final Pattern EMAIL = Pattern.compile(
			"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
					+ "@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

	// Digits with the separators people write; the digit count is checked apart (E.164: at most 15).
	private static final Pattern PHONE = Pattern.compile("\\+?\\(?[0-9][0-9 ().-]*[0-9]");

	private ProfileRules() {
	}

	/** Merges {@code input} into {@code current} (null: a new organisation), or fails naming each bad field. */
	static Organisation.Profile organisation(Organisation.Profile current, OrganisationInput input) {
		Errors errors = new Errors();
		boolean creating = current == null;
		if (input.id() != null && creating && !ORGANISATION_ID.matcher(input.id()).matches()) {
			errors.add("id", Message.of("profile.id.format"));
		}
		String name = errors.text("name", input.name(), creating ? null : current.name(), 200, true);
		String industry = errors.text("industry", input.industry(), creating ? null : current.industry(), 100, false);
		String region = errors.text("region", input.region(), creating ? null : current.region(), 100, false);
		String country = creating ? null : current.country();
		if (input.country() != null) {
			country = input.country().strip().toUpperCase(Locale.ROOT);
			if (!COUNTRIES.contains(country)) {
				errors.add("country", Message.of("profile.country.format"));
			}
		}
		else if (creating) {
			errors.add("country", Message.of("field.required"));
		}
		SizeBand sizeBand = errors.enumValue("sizeBand", SizeBand.class, input.sizeBand(),
				creating ? null : current.sizeBand());
		OrganisationStatus status = errors.enumValue("status", OrganisationStatus.class, input.status(),
				creating ? OrganisationStatus.ACTIVE : current.status());
		if (status == null) {
			status = OrganisationStatus.ACTIVE;
		}
		String accountManager = errors.text("accountManager", input.accountManager(),
				creating ? null : current.accountManager(), 64, false);
		if (accountManager != null && !USER_NAME.matcher(accountManager).matches()) {
			errors.add("accountManager", Message.of("profile.account-manager.format"));
		}
		String externalId = errors.externalId(input.externalId(), creating ? null : current.externalId());
		List<String> tags = creating ? List.of() : current.tags();
		if (input.tags() != null) {
			tags = errors.tags(input.tags());
		}
		errors.throwIfAny(Message.of("profile.organisation-invalid"));
		return new Organisation.Profile(name, industry, sizeBand, country, region, tags, accountManager, status,
				externalId);
	}

	/** Merges {@code input} into {@code current} (null: a new contact with {@code newId}), or fails. */
	static Contact contact(Contact current, String newId, ContactInput input) {
		return contact(current, newId, input, new Errors());
	}

	/**
	 * Merges a contact's own preferences into it, or fails naming each bad field. Unlike a staff edit, the
	 * language and time zone are always sent, so an empty one is an error rather than "clear it"; a null
	 * channel keeps the current one.
	 */
	static Contact preferences(Contact current, PreferencesInput input) {
		Errors errors = new Errors();
		if (input.timeZone() == null || input.timeZone().isBlank()) {
			errors.add("timeZone", Message.of("profile.time-zone.format"));
		}
		String language = input.language() == null ? "" : input.language();
		try {
			Contact merged = contact(current, null, new ContactInput(null, null, null, null, language, input.timeZone(),
					null, input.preferredChannel(), input.marketingConsent(), input.surveyConsent(), null, null), errors);
			return input.reorderReminderConsent() == null ? merged
					: merged.withReorderReminderConsent(input.reorderReminderConsent());
		}
		catch (UnprocessableException ex) {
			throw new UnprocessableException(Message.of("profile.preferences-invalid"), ex.fieldMessages());
		}
	}

	private static Contact contact(Contact current, String newId, ContactInput input, Errors errors) {
		boolean creating = current == null;
		String name = errors.text("name", input.name(), creating ? null : current.name(), 200, true);
		String jobTitle = errors.text("jobTitle", input.jobTitle(), creating ? null : current.jobTitle(), 100, false);
		String email = errors.text("email", input.email(), creating ? null : current.email(), 254, false);
		if (email != null && input.email() != null) {
			String problem = emailProblem(email);
			if (problem != null) {
				errors.add("email", Message.of(problem));
			}
		}
		String phone = errors.text("phone", input.phone(), creating ? null : current.phone(), 30, false);
		if (phone != null && input.phone() != null) {
			String problem = phoneProblem(phone);
			if (problem != null) {
				errors.add("phone", Message.of(problem));
			}
		}
		String language = creating ? "en" : current.language();
		if (input.language() != null) {
			language = language(input.language());
			if (language == null) {
				errors.add("language", Message.of("profile.language.unknown"));
			}
		}
		String timeZone = errors.text("timeZone", input.timeZone(), creating ? null : current.timeZone(), 64, false);
		if (timeZone != null && input.timeZone() != null && !isTimeZone(timeZone)) {
			errors.add("timeZone", Message.of("profile.time-zone.format"));
		}
		LocalDate birthday = creating ? null : current.birthday();
		if (input.birthday() != null) {
			birthday = null;
			if (!input.birthday().isBlank()) {
				try {
					birthday = LocalDate.parse(input.birthday().strip());
					if (birthday.isAfter(LocalDate.now()) || birthday.getYear() < 1900) {
						errors.add("birthday", Message.of("profile.birthday.range"));
					}
				}
				catch (DateTimeException ex) {
					errors.add("birthday", Message.of("profile.birthday.format"));
				}
			}
		}
		PreferredChannel channel = errors.enumValue("preferredChannel", PreferredChannel.class,
				input.preferredChannel(), creating ? PreferredChannel.EMAIL : current.preferredChannel());
		boolean marketing = input.marketingConsent() != null ? input.marketingConsent()
				: !creating && current.marketingConsent();
		boolean surveys = input.surveyConsent() != null ? input.surveyConsent() : !creating && current.surveyConsent();
		String externalId = errors.externalId(input.externalId(), creating ? null : current.externalId());
		String username = errors.text("username", input.username(), creating ? null : current.username(), 64, false);
		if (username != null && input.username() != null && !USER_NAME.matcher(username).matches()) {
			errors.add("username", Message.of("profile.username.format"));
		}
		if (channel == PreferredChannel.EMAIL && email == null && !errors.has("email")) {
			errors.add("email", Message.of("profile.email.required-for-channel"));
		}
		if (channel == PreferredChannel.SMS && phone == null && !errors.has("phone")) {
			errors.add("phone", Message.of("profile.phone.required-for-channel"));
		}
		errors.throwIfAny(Message.of("profile.contact-invalid"));
		return new Contact(creating ? newId : current.id(), name, jobTitle, email, phone, language, timeZone, birthday,
				channel, marketing, surveys, externalId, username, creating ? null : current.invitation(),
				!creating && current.reorderReminderConsent());
	}

	/** The message code of why this is not an email address, or null when it is one. */
	public static String emailProblem(String email) {
		int at = email.lastIndexOf('@');
		if (email.length() > 254 || at < 1 || at > 64 || !EMAIL.matcher(email).matches()) {
			return "profile.email.format";
		}
		return null;
	}

	/** The message code of why this is not a phone number, or null when it is one. */
	public static String phoneProblem(String phone) {
		long digits = phone.chars().filter(Character::isDigit).count();
		if (!PHONE.matcher(phone).matches() || digits < 6 || digits > 15) {
			return "profile.phone.format";
		}
		return null;
	}

	/** The canonical spelling of a supported language, or null. */
	public static String language(String tag) {
		return LANGUAGES.stream().filter(l -> l.equalsIgnoreCase(tag.strip().replace('_', '-'))).findFirst()
			.orElse(null);
	}

	/** An IANA region id known to this JVM; fixed offsets such as {@code +08:00} are not time zones of people. */
	public static boolean isTimeZone(String zone) {
		if (!ZoneId.getAvailableZoneIds().contains(zone)) {
			return false;
		}
		try {
			ZoneId.of(zone);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	public static boolean isCountry(String code) {
		return code != null && COUNTRIES.contains(code);
	}

	public static boolean isExternalId(String externalId) {
		return externalId != null && EXTERNAL_ID.matcher(externalId).matches();
	}

	/** Collects every failure before answering. */
	static final class Errors {

		private final Map<String, Message> errors = new LinkedHashMap<>();

		void add(String field, Message message) {
			errors.putIfAbsent(field, message);
		}

		boolean has(String field) {
			return errors.containsKey(field);
		}

		/** The stripped value, the current one when absent, null when cleared with an empty string. */
		String text(String field, String value, String current, int maxLength, boolean required) {
			String result = value == null ? current : value.strip();
			if (result != null && result.isEmpty()) {
				result = null;
			}
			if (result == null && required) {
				add(field, Message.of("field.required"));
			}
			else if (result != null && result.length() > maxLength) {
				add(field, Message.of("field.max-length", maxLength));
			}
			else if (value != null && !TextRules.isPlain(result, false)) {
				add(field, Message.of(TextRules.problemCode(result, false)));
			}
			return result;
		}

		<E extends Enum<E>> E enumValue(String field, Class<E> type, String value, E current) {
			if (value == null) {
				return current;
			}
			if (value.isBlank()) {
				return null;
			}
			try {
				return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				List<String> names = new ArrayList<>();
				for (E constant : type.getEnumConstants()) {
					names.add(constant.name());
				}
				add(field, Message.of("field.one-of", String.join(", ", names)));
				return current;
			}
		}

		String externalId(String value, String current) {
			String result = text("externalId", value, current, 100, false);
			if (result != null && value != null && !isExternalId(result)) {
				add("externalId", Message.of("profile.external-id.format"));
			}
			return result;
		}

		List<String> tags(List<String> tags) {
			if (tags.size() > MAX_TAGS) {
				add("tags", Message.of("profile.tags.too-many", MAX_TAGS));
				return List.of();
			}
			Set<String> result = new LinkedHashSet<>();
			for (int i = 0; i < tags.size(); i++) {
				String tag = tags.get(i) == null ? "" : tags.get(i).strip();
				if (tag.isEmpty() || tag.length() > 40) {
					add("tags[" + i + "]", Message.of("profile.tag.length", 40));
				}
				else if (!TextRules.isPlain(tag, false)) {
					add("tags[" + i + "]", Message.of(TextRules.problemCode(tag, false)));
				}
				else {
					result.add(tag);
				}
			}
			return List.copyOf(result);
		}

		void throwIfAny(Message message) {
			if (!errors.isEmpty()) {
				throw new UnprocessableException(message, errors);
			}
		}
	}
}
