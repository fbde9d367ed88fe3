package com.rapport.gateway.error;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * The bodies of the gateway's own error answers: a problem document for partners ({@code /api/**}) and a short
 * page for people, each in Chinese when the request's Accept-Language prefers it, else in English. The words
 * come from the gateway's bundle ({@code i18n/messages*.properties}); a problem document carries the stable
 * {@code code} of its kind and the key of its detail as {@code reason}, which do not change with the language.
 * Plain bytes, so that the Netty guard (which answers before Spring sees the request) writes exactly what the
 * filters write.
 */
public final class ErrorAnswers {

	public static final String TYPE_BASE = "https://rapport.example/problems/";

	public static final String PROBLEM_JSON = "application/problem+json";

	public static final String HTML = "text/html;charset=UTF-8";

	private static final String BUNDLE = "i18n/messages";

	private static final JsonMapper JSON = JsonMapper.builder()
		.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private ErrorAnswers() {
	}

	/** Whether the answer to this path is for a partner system rather than a person. */
	public static boolean isApi(String rawPath) {
		return rawPath != null && (rawPath.startsWith("/api/") || rawPath.equals("/api"));
	}

	/**
	 * A problem document of a kind ({@code code}) with a detail of its own ({@code reason}, a key of the bundle,
	 * with its values), in the language {@code acceptLanguage} prefers.
	 */
	public static byte[] problem(HttpStatus status, String code, String reason, String acceptLanguage,
			Object... args) {
		Locale locale = locale(acceptLanguage);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE_BASE + code);
		problem.put("title", say(locale, "gateway.title." + code));
		problem.put("status", status.value());
		problem.put("detail", say(locale, reason, args));
		problem.put("code", code);
		problem.put("reason", reason);
		return JSON.writeValueAsBytes(problem);
	}

	/** The problem document of a status the gateway answers for itself. */
	public static byte[] problem(HttpStatus status, String acceptLanguage) {
		Kind kind = Kind.of(status);
		return problem(status, kind.code, "gateway.detail." + kind.code, acceptLanguage);
	}

	/** A page for people, in the language their browser prefers most (Chinese or English). */
	public static byte[] page(HttpStatus status, String acceptLanguage) {
		Kind kind = Kind.of(status);
		Locale locale = locale(acceptLanguage);
		String title = sayOr(locale, "gateway.page.title." + kind.code, "gateway.title." + kind.code);
		String detail = say(locale, "gateway.page." + kind.code);
		String html = """
				<!DOCTYPE html>
				<html lang="%s"><head><meta charset="utf-8"><title>%s · Rapport</title></head>
				<body>
				<h1>%s</h1>
				<p>%s</p>
				<p><a href="/">%s</a></p>
				</body></html>
				""".formatted(locale.toLanguageTag(), HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title),
				HtmlUtils.htmlEscape(detail), HtmlUtils.htmlEscape(say(locale, "gateway.page.home")));
		return html.getBytes(StandardCharsets.UTF_8);
	}

	/** A text of the bundle in {@code locale}, its values filled in; the key itself when the bundle lacks it. */
	public static String say(Locale locale, String key, Object... args) {
		ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		if (!bundle.containsKey(key)) {
			return key;
		}
		String text = bundle.getString(key);
		// As Spring's message sources do: a text without values is not a pattern (an apostrophe stays one).
		return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
	}

	private static String sayOr(Locale locale, String key, String fallback) {
		String text = say(locale, key);
		return text.equals(key) ? say(locale, fallback) : text;
	}

	/** The offered language {@code acceptLanguage} prefers: Simplified Chinese for any Chinese, else English. */
	public static Locale locale(String acceptLanguage) {
		return prefersChinese(acceptLanguage) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
	}

	static boolean prefersChinese(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return false;
		}
		try {
			return Locale.LanguageRange.parse(acceptLanguage).stream()
				.max(java.util.Comparator.comparingDouble(Locale.LanguageRange::getWeight))
				.map(range -> range.getRange().toLowerCase(Locale.ROOT).startsWith("zh"))
				.orElse(false);
		}
		catch (IllegalArgumentException ex) {
			return acceptLanguage.toLowerCase(Locale.ROOT).startsWith("zh");
		}
	}

	/** The statuses the gateway answers itself, each with its problem code (its texts are in the bundle). */
	enum Kind {
		MALFORMED(400, "malformed"), NOT_FOUND(404, "not-found"), METHOD(405, "method-not-allowed"),
		TOO_LARGE(413, "too-large"), URI_TOO_LONG(414, "uri-too-long"), MEDIA_TYPE(415, "unsupported-media-type"),
		HEADERS_TOO_LARGE(431, "headers-too-large"), CLIENT(400, "bad-request"), UNAVAILABLE(503, "unavailable"),
		INTERNAL(500, "internal");

		final int status;

		final String code;

		Kind(int status, String code) {
			this.status = status;
			this.code = code;
		}

		static Kind of(HttpStatus status) {
			if (status == HttpStatus.BAD_GATEWAY || status == HttpStatus.GATEWAY_TIMEOUT) {
				return UNAVAILABLE;
			}
			for (Kind kind : values()) {
				if (kind.status == status.value()) {
					return kind;
				}
			}
			return status.is4xxClientError() ? CLIENT : INTERNAL;
		}
	}
}
