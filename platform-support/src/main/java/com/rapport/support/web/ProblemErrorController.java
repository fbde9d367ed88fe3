package com.rapport.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error answers (a request the firewall or Tomcat refused before any controller, a
 * {@code sendError} anywhere) as problem documents with a code, in place of Boot's JSON or Tomcat's HTML page.
 * A service's REST side is an API only, so every error there is a problem document.
 */
@RestController
public class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int value = code instanceof Integer status && status >= 400 && status <= 599 ? status : 500;
		HttpStatusCode status = HttpStatusCode.valueOf(value);
		HttpStatus known = HttpStatus.resolve(value);
		String detail = switch (value) {
			case 400 -> "The request is malformed (its address, headers or body); nothing was changed.";
			case 404 -> "There is nothing at this address.";
			case 405 -> "This address does not take this method.";
			case 413 -> "The request is too large.";
			case 500 -> "Something went wrong on our side. It has been logged.";
			default -> known != null ? known.getReasonPhrase() + "." : "The request failed.";
		};
		ProblemDetail problem = Problems.withCode(ProblemDetail.forStatusAndDetail(status, detail));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
