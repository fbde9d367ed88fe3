package com.rapport.gateway.routing;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fallback of every route's circuit breaker: the service did not answer (refused, timed out, or its
 * breaker is open). Partners get an RFC 9457 problem document, browsers a short page in both languages;
 * both say 503 with {@code Retry-After}, so nobody mistakes it for success or for their own fault.
 */
@RestController
class UnavailableController {

	static final String RETRY_AFTER_SECONDS = "10";

	static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable · Rapport</title></head>
			<body>
			<h1>Temporarily unavailable</h1>
			<p>A part of Rapport is not answering right now. Nothing was changed; please try again in a moment.</p>
			<p lang="zh-CN">Rapport 的部分服务暂时没有响应。没有任何数据被更改，请稍后再试。</p>
			</body></html>
			""";

	/** The end of the {@code api-unknown} route: an {@code /api/**} address no service serves. */
	@RequestMapping("/unknown-api")
	ResponseEntity<ProblemDetail> unknownApi() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is nothing at this address.");
		problem.setType(URI.create("https://rapport.example/problems/not-found"));
		problem.setTitle("Not found");
		problem.setProperty("code", "not-found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@RequestMapping(path = "/unavailable", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(PAGE);
	}

	@RequestMapping("/unavailable")
	ResponseEntity<ProblemDetail> problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The service behind this address is not answering; nothing was changed. Try again shortly.");
		problem.setType(URI.create("https://rapport.example/problems/unavailable"));
		problem.setTitle("Temporarily unavailable");
		problem.setProperty("code", "unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}
}
