package com.rapport.support.web;

import java.io.IOException;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.rapport.support.error.Message;
import com.rapport.support.message.Texts;
import com.rapport.support.wire.ErrorKind;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the security filters as problem documents, like every other error, with title and detail
 * in the language of the request's Accept-Language (English when it names none: these run before Spring MVC
 * knows a locale) and the detail's code as {@code reason}.
 */
public final class ProblemAuthenticationHandlers {

	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private ProblemAuthenticationHandlers() {
	}

	public static AuthenticationEntryPoint entryPoint(MessageSource messages) {
		Texts texts = new Texts(messages);
		return (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			write(response, problem(texts, request, ErrorKind.UNAUTHENTICATED, Message.of("problem.token-required")));
		};
	}

	public static AccessDeniedHandler accessDeniedHandler(MessageSource messages) {
		Texts texts = new Texts(messages);
		return (request, response, ex) -> write(response,
				problem(texts, request, ErrorKind.FORBIDDEN, Message.of("problem.token-forbidden")));
	}

	private static ProblemDetail problem(Texts texts, HttpServletRequest request, ErrorKind kind, Message detail) {
		Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? Locale.ENGLISH : request.getLocale();
		ProblemDetail problem = Problems.of(kind.httpStatus(), kind.code(),
				texts.say(Message.of("problem.title." + kind.code()), locale), texts.say(detail, locale));
		problem.setProperty("reason", detail.code());
		return problem;
	}

	private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), problem);
	}
}
