package com.rapport.support.web;

import java.net.URI;

import com.rapport.support.wire.ErrorKind;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Problem documents with a stable {@code type} per kind of failure and the same word as a machine-readable
 * {@code code} member (documented in the root README and each module README).
 */
public final class Problems {

	public static final String TYPE_BASE = "https://rapport.example/problems/";

	private Problems() {
	}

	/** A problem document with its words said already (in the reader's language, from message codes). */
	public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + code));
		problem.setTitle(title);
		problem.setProperty("code", code);
		return problem;
	}

	/**
	 * Gives a problem document made by Spring itself (a wrong method, media type or parameter) the type and
	 * code of its status, keeping its detail. A document that has a code already is left alone.
	 */
	public static ProblemDetail withCode(ProblemDetail problem) {
		if (problem.getProperties() != null && problem.getProperties().containsKey("code")) {
			return problem;
		}
		String code = codeOf(HttpStatusCode.valueOf(problem.getStatus()));
		problem.setType(URI.create(TYPE_BASE + code));
		problem.setProperty("code", code);
		if (problem.getTitle() == null) {
			HttpStatus known = HttpStatus.resolve(problem.getStatus());
			problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
		}
		return problem;
	}

	/**
	 * The code of a failure known only by its status: a domain error's from {@link ErrorKind}, the web layer's
	 * own (a request refused before any domain code ran) from here.
	 */
	public static String codeOf(HttpStatusCode status) {
		return ErrorKind.of(status.value()).map(ErrorKind::code).orElseGet(() -> switch (status.value()) {
			case 400 -> "malformed";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 413 -> "too-large";
			case 414 -> "uri-too-long";
			case 415 -> "unsupported-media-type";
			case 429 -> "rate-limited";
			case 431 -> "headers-too-large";
			default -> status.is4xxClientError() ? "bad-request" : "internal";
		});
	}
}
