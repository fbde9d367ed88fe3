package com.rapport.support.grpc;

import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.contracts.problem.v1.FieldProblem;
import com.rapport.contracts.problem.v1.Problem;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;
import com.rapport.support.wire.ErrorKind;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

import org.springframework.context.MessageSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * The same domain exceptions the REST advice maps, as the gRPC status codes of {@link ErrorKind}, in one place
 * for every adapter of every service. A caller never sees UNKNOWN or a stack trace: anything unexpected is
 * logged here and answered INTERNAL with a plain message.
 * <p>
 * A refusal made with message codes also carries them in a {@code rapport.problem.v1.Problem} detail (the
 * reason and each field's code with its values), so that the caller says them in its reader's language; the
 * description, the {@code ErrorInfo} and the {@code google.rpc.BadRequest} detail keep the English words for
 * callers that read only those.
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
		if (ex instanceof StatusRuntimeException sre) {
			return new StatusException(sre.getStatus(), sre.getTrailers());
		}
		// An adapter's "this request cannot be read" (a forged page token, a bad enum) is a bad field too.
		ErrorKind kind = ex instanceof IllegalArgumentException ? ErrorKind.UNPROCESSABLE : ErrorKind.of(ex);
		Message reason = reasonOf(ex);
		if (reason != null) {
			return coded(kind, reason, ex);
		}
		return switch (kind) {
			case UNAUTHENTICATED -> GrpcErrors.toStatus(kind, "A valid bearer token is required", ex);
			case FORBIDDEN -> GrpcErrors.toStatus(kind, "Your token does not grant this", ex);
			case INTERNAL -> {
				log.error("Unexpected failure in a gRPC call", ex);
				yield GrpcErrors.plain(kind).withDescription("Internal error").asException();
			}
			default -> GrpcErrors.toStatus(kind, ex);
		};
	}

	private StatusException coded(ErrorKind kind, Message reason, Throwable ex) {
		Problem.Builder problem = Problem.newBuilder().setCode(reason.code()).addAllArgs(reason.args());
		Map<String, String> words = Map.of();
		if (ex instanceof UnprocessableException unprocessable) {
			words = texts.fields(unprocessable, Locale.ENGLISH);
			unprocessable.fieldMessages().forEach((field, message) -> problem.addFields(
					FieldProblem.newBuilder().setField(field).setCode(message.code()).addAllArgs(message.args())));
		}
		return GrpcErrors.toStatus(kind, texts.say(reason, Locale.ENGLISH), words, problem.build());
	}

	private static Message reasonOf(Throwable ex) {
		if (ex instanceof NotFoundException notFound) {
			return notFound.reason();
		}
		if (ex instanceof ConflictException conflict) {
			return conflict.reason();
		}
		if (ex instanceof UnprocessableException unprocessable) {
			return unprocessable.reason();
		}
		return null;
	}
}
