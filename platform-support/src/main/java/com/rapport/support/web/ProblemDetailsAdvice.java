package com.rapport.support.web;

import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.wire.ErrorKind;
import com.rapport.support.message.Texts;
import jakarta.validation.ConstraintViolation;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
 * Turns every failure of a REST call into an RFC 9457 problem document: unreadable bodies are 400, bodies
 * that break a field rule or a domain rule are 422 with {@code errors} naming each field, unknown or
 * foreign records 404, clashes 409, a dependency down 503. Nothing else escapes as a stack trace.
 * <p>
 * Titles, {@code detail} and each field's words are said in the request's language (Accept-Language: any
 * Chinese reads Simplified Chinese, anything else English); what a program reads does not change with it:
 * {@code code} (the kind of failure), {@code reason} (the code of the detail's sentence) and
 * {@code fieldCodes} (each bad field's code), all listed in rapport/i18n/codes.properties of contracts.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private final MessageSource messages;

	private final Texts texts;

	public ProblemDetailsAdvice(MessageSource messages) {
		this.messages = Texts.withSharedCodes(messages);
		this.texts = new Texts(messages);
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(ErrorKind.NOT_FOUND, ex, ex.reason());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return problem(ErrorKind.CONFLICT, ex, ex.reason());
	}

	/**
	 * A safety net for a race a service did not turn into a {@link ConflictException} itself: another
	 * request changed or created the same record first. Nothing of this request was stored.
	 */
	@ExceptionHandler({ OptimisticLockingFailureException.class, DuplicateKeyException.class })
	ProblemDetail concurrentChange(Exception ex) {
		log.info("Answering 409 to a concurrent change: {}", ex.getMessage());
		return problem(ErrorKind.CONFLICT, Message.of("problem.concurrent-change"));
	}

	@ExceptionHandler(UnprocessableException.class)
	ProblemDetail unprocessable(UnprocessableException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = problem(ErrorKind.UNPROCESSABLE, ex, ex.reason());
		problem.setProperty("errors", texts.fields(ex, locale));
		if (!ex.fieldMessages().isEmpty()) {
			Map<String, String> codes = new LinkedHashMap<>();
			ex.fieldMessages().forEach((field, message) -> codes.put(field, message.code()));
			problem.setProperty("fieldCodes", codes);
		}
		return problem;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return problem(ErrorKind.FORBIDDEN, Message.of("problem.forbidden"));
	}

	@ExceptionHandler(RemoteUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(RemoteUnavailableException ex) {
		log.warn("Answering 503: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem(ErrorKind.UNAVAILABLE, Message.of("problem.unavailable")));
	}

	/** A Content-Type naming a charset nobody knows: the body cannot be read, so the media type is refused. */
	@ExceptionHandler({ UnsupportedCharsetException.class, IllegalCharsetNameException.class,
			InvalidMediaTypeException.class })
	ProblemDetail unsupportedCharset(IllegalArgumentException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				Message.of("problem.unsupported-charset"));
	}

	/**
	 * Spring Security's firewall checks headers when they are read: a header value it refuses (an
	 * {@code Idempotency-Key} with control characters) surfaces here, as does Tomcat's refusal of a form body that
	 * is not UTF-8; both are the caller's fault, not ours.
	 */
	@ExceptionHandler({ RequestRejectedException.class, InvalidParameterException.class })
	ProblemDetail rejected(RuntimeException ex) {
		return problem(HttpStatus.BAD_REQUEST, "malformed", Message.of("problem.rejected-characters"));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		return problem(ErrorKind.INTERNAL, Message.of("problem.internal"));
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
		if (coded instanceof ProblemDetail problem && problem.getProperties() != null) {
			// Spring's own answers keep their detail; their title is said in the reader's language.
			Object code = problem.getProperties().get("code");
			problem.setTitle(texts.say(Message.of("problem.title." + code)));
		}
		return super.createResponseEntity(coded, headers, statusCode, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = Texts.offered(LocaleContextHolder.getLocale());
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> codes = new LinkedHashMap<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			if (!errors.containsKey(error.getField())) {
				String code = codeOf(error);
				codes.put(error.getField(), code);
				errors.put(error.getField(), messages.getMessage(new DefaultMessageSourceResolvable(
						new String[] { code, error.getCode() }, error.getArguments(), error.getDefaultMessage()), locale));
			}
		}
		ex.getBindingResult().getGlobalErrors().forEach(error -> {
			codes.putIfAbsent(error.getObjectName(), error.getCode());
			errors.putIfAbsent(error.getObjectName(), error.getDefaultMessage());
		});
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation",
				Message.of("problem.invalid-fields"));
		problem.setProperty("errors", errors);
		problem.setProperty("fieldCodes", codes);
		return ResponseEntity.unprocessableContent().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed", Message.of("problem.unreadable-body"));
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * The code of a Bean Validation failure: the message key of a constraint declared with {@code "{key}"}
	 * (ours, such as {@code text.control-characters}), else the constraint's name ({@code NotBlank}).
	 */
	static String codeOf(FieldError error) {
		try {
			String template = error.unwrap(ConstraintViolation.class).getMessageTemplate();
			if (template.startsWith("{") && template.endsWith("}") && !template.startsWith("{jakarta.")
					&& !template.startsWith("{org.")) {
				return template.substring(1, template.length() - 1);
			}
		}
		catch (IllegalArgumentException notBeanValidation) {
			// A binding failure (a type mismatch) has its own code.
		}
		return error.getCode();
	}

	private ProblemDetail problem(HttpStatus status, String code, Message detail) {
		ProblemDetail problem = Problems.of(status, code, texts.say(Message.of("problem.title." + code)),
				texts.say(detail));
		problem.setProperty("reason", detail.code());
		return problem;
	}

	/** A domain error of a kind of {@link ErrorKind}: its status and code, its title and detail said. */
	private ProblemDetail problem(ErrorKind kind, Message detail) {
		return problem(kind.httpStatus(), kind.code(), detail);
	}

	/** A domain refusal: its coded reason said, or its words when it has none. */
	private ProblemDetail problem(ErrorKind kind, RuntimeException ex, Message reason) {
		if (reason != null) {
			return problem(kind, reason);
		}
		return Problems.of(kind.httpStatus(), kind.code(), texts.say(Message.of("problem.title." + kind.code())),
				ex.getMessage());
	}
}
