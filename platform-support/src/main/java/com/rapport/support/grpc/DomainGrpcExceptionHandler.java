package com.rapport.support.grpc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.wire.ErrorKind;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * The same domain exceptions the REST advice maps, as the gRPC status codes of {@link ErrorKind}, in one place
 * for every adapter of every service. A caller never sees UNKNOWN or a stack trace: anything unexpected is
 * logged here and answered INTERNAL with a plain message.
 */
class DomainGrpcExceptionHandler implements GrpcExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(DomainGrpcExceptionHandler.class);

	@Override
	public StatusException handleException(Throwable ex) {
		if (ex instanceof StatusRuntimeException sre) {
			return new StatusException(sre.getStatus(), sre.getTrailers());
		}
		// An adapter's "this request cannot be read" (a forged page token, a bad enum) is a bad field too.
		ErrorKind kind = ex instanceof IllegalArgumentException ? ErrorKind.UNPROCESSABLE : ErrorKind.of(ex);
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
}
