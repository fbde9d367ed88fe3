package com.rapport.portal.portal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.WebUtils;

/**
 * What a contact typed into a refused "raise an issue" form, with the refusal's status and each field's words,
 * carried from the refused POST to the form's GET in a short-lived cookie ({@value #COOKIE}, path
 * {@value #PATH}, HttpOnly, two minutes, read once). The form sends files, so its CSRF token travels in its
 * address ({@code /portal/tickets?_csrf=…}); answering the refusal with a redirect to {@value #PATH}{@code ?refused}
 * keeps the token out of the address the contact then sees, bookmarks or shares. portal-web keeps no session: the
 * cookie is the flash. A draft too large for a cookie ({@value #MAX_VALUE} characters encoded, so that the
 * gateway's 8 KB of headers are never at risk) is not carried: the form is answered in place, as before.
 */
final class RefusedTicketDraft {

	static final String COOKIE = "rapport-ticket-draft";

	static final String PATH = "/portal/tickets/new";

	static final int MAX_VALUE = 3000;

	static final int MAX_AGE_SECONDS = 120;

	private RefusedTicketDraft() {
	}

	/** The form, the status and the errors as one cookie value, or empty when they do not fit. */
	static Optional<String> encode(TicketsController.TicketForm form, int status, Map<String, String> errors) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("status", String.valueOf(status));
		values.put("kind", form.kind());
		values.put("category", form.category());
		values.put("severity", form.severity());
		values.put("priority", form.priority());
		values.put("subject", form.subject());
		values.put("body", form.body());
		values.put("orderNumber", form.orderNumber());
		errors.forEach((field, text) -> values.put("error." + field, text));
		StringBuilder joined = new StringBuilder();
		values.forEach((key, value) -> joined.append(joined.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		String encoded = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
		return encoded.length() <= MAX_VALUE ? Optional.of(encoded) : Optional.empty();
	}

	/** A refused form as it came back: what was typed, the status to answer and each field's words. */
	record Draft(TicketsController.TicketForm form, int status, Map<String, String> errors) {
	}

	static void keep(HttpServletResponse response, String value) {
		response.addCookie(cookie(value, MAX_AGE_SECONDS));
	}

	/** The draft the cookie carries, which is then forgotten; empty without one or with one that is not ours. */
	static Optional<Draft> take(HttpServletRequest request, HttpServletResponse response) {
		Cookie cookie = WebUtils.getCookie(request, COOKIE);
		if (cookie == null) {
			return Optional.empty();
		}
		response.addCookie(cookie("", 0));
		try {
			String joined = new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
			Map<String, String> values = new LinkedHashMap<>();
			for (String pair : joined.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
			int status = Integer.parseInt(values.getOrDefault("status", "422"));
			Map<String, String> errors = new LinkedHashMap<>();
			values.forEach((key, value) -> {
				if (key.startsWith("error.")) {
					errors.put(key.substring("error.".length()), value);
				}
			});
			return Optional.of(new Draft(new TicketsController.TicketForm(values.get("kind"), values.get("category"),
					values.get("severity"), values.get("priority"), values.get("subject"), values.get("body"),
					values.get("orderNumber")), status == 413 || status == 415 ? status : 422, errors));
		}
		catch (IllegalArgumentException ex) {
			// Not a cookie of ours (or cut short): a fresh form.
			return Optional.empty();
		}
	}

	private static Cookie cookie(String value, int maxAge) {
		Cookie cookie = new Cookie(COOKIE, value);
		cookie.setHttpOnly(true);
		cookie.setPath(PATH);
		cookie.setMaxAge(maxAge);
		cookie.setAttribute("SameSite", "Lax");
		return cookie;
	}
}
