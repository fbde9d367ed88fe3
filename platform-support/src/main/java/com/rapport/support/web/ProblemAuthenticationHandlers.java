package com.rapport.support.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.rapport.support.wire.ErrorKind;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters as problem documents, like every other error. */
public final class ProblemAuthenticationHandlers {

	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private ProblemAuthenticationHandlers() {
	}

	public static AuthenticationEntryPoint entryPoint() {
		return (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			write(response, Problems.of(ErrorKind.UNAUTHENTICATED,
					"A valid bearer token is required."));
		};
	}

	public static AccessDeniedHandler accessDeniedHandler() {
		return (request, response, ex) -> write(response, Problems.of(ErrorKind.FORBIDDEN,
				"Your token does not grant this."));
	}

	private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), problem);
	}
}
