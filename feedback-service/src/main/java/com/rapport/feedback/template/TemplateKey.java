package com.rapport.feedback.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rapport.feedback.response.SurveyKind;

/**
 * One survey's question in one language: the survey (CSAT, CES, NPS) and the language (en or zh-CN, the two the
 * portal and the mails speak).
 */
public record TemplateKey(SurveyKind kind, String language) {

	public static final List<String> LANGUAGES = List.of("en", "zh-CN");

	/** The placeholder a question names its subject with (the ticket's or order's number, T-1001, ACME-1015). */
	public static final String SUBJECT = "{subject}";

	public TemplateKey {
		language = languageOf(language);
	}

	/** Every survey in every language: CSAT en, CSAT zh-CN, NPS en, …. */
	public static List<TemplateKey> all() {
		List<TemplateKey> keys = new ArrayList<>();
		for (SurveyKind kind : SurveyKind.values()) {
			LANGUAGES.forEach(language -> keys.add(new TemplateKey(kind, language)));
		}
		return keys;
	}

	/** en or zh-CN: any Chinese reads Simplified Chinese, anything else English. */
	public static String languageOf(String language) {
		return language != null && language.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh-CN" : "en";
	}

	/** How the document keeps it: {@code CSAT_en} (a stored map key cannot hold a dot). */
	public String id() {
		return kind.name() + "_" + language;
	}

	/** The form's and the refusals' field name: {@code csatEn}, {@code npsZh}. */
	public String field() {
		return kind.name().toLowerCase(Locale.ROOT) + ("en".equals(language) ? "En" : "Zh");
	}

	public Locale locale() {
		return "zh-CN".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
	}

	/**
	 * Whether the question must name its subject: a CSAT or CES is about one ticket or order, and a contact asked
	 * about two must tell them apart; an NPS is about the relationship and has none to name.
	 */
	public boolean namesSubject() {
		return kind != SurveyKind.NPS;
	}
}
