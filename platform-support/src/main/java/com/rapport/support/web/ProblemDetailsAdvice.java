package com.rapport.support.web;

import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.wire.ErrorKind;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of a REST call into an RFC 9457 problem document: unreadable bodies are 400; the domain
 * errors get the status, code and title of their {@link ErrorKind} (the same kinds the gRPC side answers and
 * reads back): bodies that break a field rule or a domain rule 422 with {@code errors} naming each field,
 * unknown or foreign records 404, clashes 409, a dependency down 503. Nothing else escapes as a stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return Problems.of(ErrorKind.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return Problems.of(ErrorKind.CONFLICT, ex.getMessage());
	}

	/**
	 * A safety net for a race a service did not turn into a {@link ConflictException} itself: another
	 * request changed or created the same record first. Nothing of this request was stored.
	 */
	@ExceptionHandler({ OptimisticLockingFailureException.class, DuplicateKeyException.class })
	ProblemDetail concurrentChange(Exception ex) {
		log.info("Answering 409 to a concurrent change: {}", ex.getMessage());
		return Problems.of(ErrorKind.CONFLICT,
				"The record was changed or created by someone else at the same time; reload it and try again.");
	}

	@ExceptionHandler(UnprocessableException.class)
	ProblemDetail unprocessable(UnprocessableException ex) {
		ProblemDetail problem = Problems.of(ErrorKind.UNPROCESSABLE, ex.getMessage());
		problem.setProperty("errors", ex.fieldErrors());
		return problem;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return Problems.of(ErrorKind.FORBIDDEN, "You may not do this.");
	}

	@ExceptionHandler(RemoteUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(RemoteUnavailableException ex) {
		log.warn("Answering 503: {}", ex.getMessage());
		return ResponseEntity.status(ErrorKind.UNAVAILABLE.httpStatus()).header(HttpHeaders.RETRY_AFTER, "5")
			.body(Problems.of(ErrorKind.UNAVAILABLE,
					"A service this request needs is not answering; nothing was changed. Try again shortly."));
	}

	/** A Content-Type naming a charset nobody knows: the body cannot be read, so the media type is refused. */
	@ExceptionHandler({ UnsupportedCharsetException.class, IllegalCharsetNameException.class,
			InvalidMediaTypeException.class })
	ProblemDetail unsupportedCharset(IllegalArgumentException ex) {
		return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
				"The Content-Type (or its charset) is not one this API reads; send application/json in UTF-8.");
	}

	/**
	 * Spring Security's firewall checks headers when they are read: a header value it refuses (an
	 * {@code Idempotency-Key} with control characters) surfaces here, as does Tomcat's refusal of a form body that
	 * is not UTF-8; both are the caller's fault, not ours.
	 */
	@ExceptionHandler({ RequestRejectedException.class, InvalidParameterException.class })
	ProblemDetail rejected(RuntimeException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "malformed", "Malformed request",
				"A header or the address of the request holds characters this API does not take; nothing was changed.");
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		return Problems.of(ErrorKind.INTERNAL,
				"Something went wrong on our side. It has been logged.");
	}

	/**
	 * Spring's own answers (a wrong method, media type, parameter or address) as problem documents with a
	 * code, like every other error.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		Object coded = body instanceof ProblemDetail problem ? Problems.withCode(problem) : body;
		if (coded == null) {
			coded = Problems.withCode(ProblemDetail.forStatus(statusCode));
		}
		return super.createResponseEntity(coded, headers, statusCode, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.putIfAbsent(error.getField(), error.getDefaultMessage());
		}
		ex.getBindingResult().getGlobalErrors()
			.forEach(error -> errors.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
		ProblemDetail problem = Problems.of(ErrorKind.UNPROCESSABLE,
				"Some fields are missing or invalid.");
		problem.setProperty("errors", errors);
		return ResponseEntity.unprocessableContent().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed", "Malformed request",
				"The request body is not valid JSON of the expected shape.");
		return ResponseEntity.badRequest().body(problem);
	}
}
