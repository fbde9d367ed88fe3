package com.rapport.support.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem documents with a stable {@code type} per kind of failure, documented in each module README. */
public final class Problems {

	public static final String TYPE_BASE = "https://rapport.example/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}
}
