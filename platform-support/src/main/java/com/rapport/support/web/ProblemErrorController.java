package com.rapport.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import com.rapport.support.error.Message;
import com.rapport.support.message.Texts;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error answers (a request the firewall or Tomcat refused before any controller, a
 * {@code sendError} anywhere) as problem documents with a code, in place of Boot's JSON or Tomcat's HTML page.
 * A service's REST side is an API only, so every error there is a problem document; its title and detail are
 * said in the request's language, the detail's code is its {@code reason}.
 */
@RestController
public class ProblemErrorController implements ErrorController {

	private final Texts texts;

	public ProblemErrorController(MessageSource messages) {
		this.texts = new Texts(messages);
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int value = code instanceof Integer status && status >= 400 && status <= 599 ? status : 500;
		HttpStatusCode status = HttpStatusCode.valueOf(value);
		String problemCode = Problems.codeOf(status);
		Message detail = switch (value) {
			case 400 -> Message.of("problem.malformed-request");
			case 404 -> Message.of("problem.no-such-address");
			case 405 -> Message.of("problem.method-not-allowed");
			case 413 -> Message.of("problem.too-large");
			case 500 -> Message.of("problem.internal");
			// The title as a sentence ("Too many requests."): nothing more is known.
			default -> Message.of("problem.failed", Texts.code("problem.title." + problemCode));
		};
		ProblemDetail problem = Problems.of(status, problemCode, texts.say(Message.of("problem.title." + problemCode)),
				texts.say(detail));
		problem.setProperty("reason", detail.code());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
