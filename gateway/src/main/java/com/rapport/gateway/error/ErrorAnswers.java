package com.rapport.gateway.error;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * The bodies of the gateway's own error answers: a problem document for partners ({@code /api/**}) and a short
 * page for people, in Chinese when their browser prefers it, else in English. Plain bytes, so that the Netty
 * guard (which answers before Spring sees the request) writes exactly what the filters write.
 */
public final class ErrorAnswers {

	public static final String TYPE_BASE = "https://rapport.example/problems/";

	public static final String PROBLEM_JSON = "application/problem+json";

	public static final String HTML = "text/html;charset=UTF-8";

	private static final JsonMapper JSON = JsonMapper.builder()
		.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private ErrorAnswers() {
	}

	/** Whether the answer to this path is for a partner system rather than a person. */
	public static boolean isApi(String rawPath) {
		return rawPath != null && (rawPath.startsWith("/api/") || rawPath.equals("/api"));
	}

	public static byte[] problem(HttpStatus status, String code, String title, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE_BASE + code);
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("code", code);
		return JSON.writeValueAsBytes(problem);
	}

	/** The problem document of a status the gateway answers for itself. */
	public static byte[] problem(HttpStatus status) {
		Kind kind = Kind.of(status);
		return problem(status, kind.code, kind.title, kind.detail);
	}

	/** A page for people, in the language their browser prefers most (Chinese or English). */
	public static byte[] page(HttpStatus status, String acceptLanguage) {
		Kind kind = Kind.of(status);
		boolean chinese = prefersChinese(acceptLanguage);
		String title = chinese ? kind.titleZh : kind.title;
		String detail = chinese ? kind.pageDetailZh : kind.pageDetail;
		String html = """
				<!DOCTYPE html>
				<html lang="%s"><head><meta charset="utf-8"><title>%s · Rapport</title></head>
				<body>
				<h1>%s</h1>
				<p>%s</p>
				<p><a href="/">%s</a></p>
				</body></html>
				""".formatted(chinese ? "zh-CN" : "en", HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title),
				HtmlUtils.htmlEscape(detail), chinese ? "返回首页" : "Home");
		return html.getBytes(StandardCharsets.UTF_8);
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

	/** What each status the gateway answers itself is called, for partners and in both languages. */
	enum Kind {
		MALFORMED(400, "malformed", "Malformed request",
				"The request is malformed (its address, headers or body); nothing was changed.", "无法处理此请求",
				"Something in the address or the form was not understood. Nothing was changed.",
				"地址或表单中有无法识别的内容。没有任何数据被更改。"),
		NOT_FOUND(404, "not-found", "Not found", "There is nothing at this address.", "未找到",
				"This page does not exist.", "该页面不存在。"),
		METHOD(405, "method-not-allowed", "Method not allowed", "This address does not take this method.",
				"不支持此操作", "This page cannot be used this way.", "该页面不支持此操作。"),
		TOO_LARGE(413, "too-large", "Request too large", "The request body is larger than this API takes.",
				"请求过大", "What was sent is too large. Nothing was changed.", "发送的内容过大。没有任何数据被更改。"),
		URI_TOO_LONG(414, "uri-too-long", "Address too long", "The request's address is longer than this API takes.",
				"地址过长", "The address is too long.", "该地址过长。"),
		MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type",
				"The Content-Type (or its charset) is not one this API reads; send application/json in UTF-8.",
				"不支持的内容类型", "What was sent is in a form this site does not read.", "发送的内容格式无法识别。"),
		HEADERS_TOO_LARGE(431, "headers-too-large", "Headers too large",
				"The request's headers are larger than this API takes.", "请求头过大",
				"The request is too large (its headers or cookies).", "请求头（或 Cookie）过大。"),
		CLIENT(400, "bad-request", "Bad request", "The request cannot be answered as sent.", "无法处理此请求",
				"This request cannot be answered as sent.", "无法按原样处理此请求。"),
		UNAVAILABLE(503, "unavailable", "Temporarily unavailable",
				"The service behind this address is not answering; nothing was changed. Try again shortly.",
				"暂时无法使用", "A part of Rapport is not answering right now. Nothing was changed; please try again in a moment.",
				"Rapport 的部分服务暂时没有响应。没有任何数据被更改，请稍后再试。"),
		INTERNAL(500, "internal", "Internal error", "Something went wrong on our side. It has been logged.",
				"内部错误", "Something went wrong on our side. Please try again.", "系统出现问题，请稍后再试。");

		final int status;

		final String code;

		final String title;

		final String detail;

		final String titleZh;

		final String pageDetail;

		final String pageDetailZh;

		Kind(int status, String code, String title, String detail, String titleZh, String pageDetail,
				String pageDetailZh) {
			this.status = status;
			this.code = code;
			this.title = title;
			this.detail = detail;
			this.titleZh = titleZh;
			this.pageDetail = pageDetail;
			this.pageDetailZh = pageDetailZh;
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
