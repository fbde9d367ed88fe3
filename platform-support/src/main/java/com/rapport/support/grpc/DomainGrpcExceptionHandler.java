package com.rapport.support.grpc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

import com.rapport.contracts.problem.v1.FieldProblem;
import com.rapport.contracts.problem.v1.Problem;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

import org.springframework.context.MessageSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * The same domain exceptions the REST advice maps, as gRPC status codes. A caller never sees UNKNOWN or a
 * stack trace: anything unexpected is logged here and answered INTERNAL with a plain message.
 * <p>
 * A refusal made with message codes carries them in a {@code rapport.problem.v1.Problem} detail (the reason
 * and each field's code with its values), so that the caller says them in its reader's language; the
 * description and the {@code google.rpc.BadRequest} detail keep the English words for callers that read only
 * those.
 */
class DomainGrpcExceptionHandler implements GrpcExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(DomainGrpcExceptionHandler.class);

	private final Texts texts;

	DomainGrpcExceptionHandler(MessageSource messages) {
		this.texts = new Texts(messages);
	}

	/** Codes are said as themselves (for tests of the wire format). */
	DomainGrpcExceptionHandler() {
		this(new StaticMessageSource());
	}

	@Override
	public StatusException handleException(Throwable ex) {
		Status status;
		if (ex instanceof NotFoundException notFound && notFound.reason() != null) {
			return coded(Status.Code.NOT_FOUND, notFound.reason());
		}
		else if (ex instanceof ConflictException conflict && conflict.reason() != null) {
			return coded(Status.Code.FAILED_PRECONDITION, conflict.reason());
		}
		else if (ex instanceof UnprocessableException unprocessable && unprocessable.reason() != null) {
			return withFieldErrors(unprocessable);
		}
		else if (ex instanceof NotFoundException) {
			status = Status.NOT_FOUND.withDescription(ex.getMessage());
		}
		else if (ex instanceof UnprocessableException unprocessable && !unprocessable.fieldErrors().isEmpty()) {
			return withFieldErrors(unprocessable);
		}
		else if (ex instanceof UnprocessableException || ex instanceof IllegalArgumentException) {
			status = Status.INVALID_ARGUMENT.withDescription(ex.getMessage());
		}
		else if (ex instanceof ConflictException || ex instanceof OptimisticLockingFailureException
				|| ex instanceof DuplicateKeyException) {
			status = Status.FAILED_PRECONDITION.withDescription(ex.getMessage());
		}
		else if (ex instanceof AuthenticationException) {
			status = Status.UNAUTHENTICATED.withDescription("A valid bearer token is required");
		}
		else if (ex instanceof AccessDeniedException) {
			status = Status.PERMISSION_DENIED.withDescription("Your token does not grant this");
		}
		else if (ex instanceof RemoteUnavailableException) {
			status = Status.UNAVAILABLE.withDescription(ex.getMessage());
		}
		else if (ex instanceof StatusRuntimeException sre) {
			status = sre.getStatus();
		}
		else {
			log.error("Unexpected failure in a gRPC call", ex);
			status = Status.INTERNAL.withDescription("Internal error");
		}
		return status.asException();
	}

	/**
	 * INVALID_ARGUMENT naming every bad field in a {@code google.rpc.BadRequest} detail, as REST names them
	 * in the problem's {@code errors}, so a form can show each message next to its field. The description
	 * lists them too, for callers that read only that.
	 */
	StatusException withFieldErrors(UnprocessableException ex) {
		BadRequest.Builder badRequest = BadRequest.newBuilder();
		String reason = ex.reason() != null ? texts.say(ex.reason(), Locale.ENGLISH) : ex.getMessage();
		StringBuilder description = new StringBuilder(String.valueOf(reason));
		java.util.Map<String, String> words = texts.fields(ex, Locale.ENGLISH);
		words.forEach((field, message) -> {
			badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(field).setDescription(message));
			description.append(' ').append(field).append(": ").append(message).append('.');
		});
		com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
			.setCode(Status.Code.INVALID_ARGUMENT.value()).setMessage(description.toString());
		if (!words.isEmpty()) {
			status.addDetails(Any.pack(badRequest.build()));
		}
		if (ex.reason() != null) {
			Problem.Builder problem = problemOf(ex.reason());
			ex.fieldMessages().forEach((field, message) -> problem.addFields(
					FieldProblem.newBuilder().setField(field).setCode(message.code()).addAllArgs(message.args())));
			status.addDetails(Any.pack(problem.build()));
		}
		return StatusProto.toStatusException(status.build());
	}

	private StatusException coded(Status.Code code, Message reason) {
		return StatusProto.toStatusException(com.google.rpc.Status.newBuilder().setCode(code.value())
			.setMessage(texts.say(reason, Locale.ENGLISH)).addDetails(Any.pack(problemOf(reason).build())).build());
	}

	private static Problem.Builder problemOf(Message reason) {
		return Problem.newBuilder().setCode(reason.code()).addAllArgs(reason.args());
	}
}
