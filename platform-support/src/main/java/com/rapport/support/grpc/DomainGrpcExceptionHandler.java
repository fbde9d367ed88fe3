package com.rapport.support.grpc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * The same domain exceptions the REST advice maps, as gRPC status codes. A caller never sees UNKNOWN or a
 * stack trace: anything unexpected is logged here and answered INTERNAL with a plain message.
 */
class DomainGrpcExceptionHandler implements GrpcExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(DomainGrpcExceptionHandler.class);

	@Override
	public StatusException handleException(Throwable ex) {
		Status status;
		if (ex instanceof NotFoundException) {
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
	static StatusException withFieldErrors(UnprocessableException ex) {
		BadRequest.Builder badRequest = BadRequest.newBuilder();
		StringBuilder description = new StringBuilder(String.valueOf(ex.getMessage()));
		ex.fieldErrors().forEach((field, message) -> {
			badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(field).setDescription(message));
			description.append(' ').append(field).append(": ").append(message).append('.');
		});
		return StatusProto.toStatusException(com.google.rpc.Status.newBuilder()
			.setCode(Status.Code.INVALID_ARGUMENT.value()).setMessage(description.toString())
			.addDetails(Any.pack(badRequest.build())).build());
	}
}
