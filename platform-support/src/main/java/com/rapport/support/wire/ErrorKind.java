package com.rapport.support.wire;

import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import io.grpc.Status;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Each kind of failure has exactly one HTTP status with its problem {@code code} (stable: partners rely on
 * it, root README "Errors") and exactly one gRPC status code, the same in both directions: a service answers a
 * {@link ConflictException} with {@code ABORTED}, and its caller turns {@code ABORTED} back into a
 * {@link ConflictException}, which its REST side answers {@code 409 conflict} (after Spring RESTBucks: one
 * exception, one status).
 * <p>
 * gRPC's own guide chooses the codes: {@code ABORTED} is the read-modify-write that lost (read again and
 * repeat, as the {@code 409} says), {@code INVALID_ARGUMENT} the request that must change before it can
 * succeed. Two codes arrive only from the transport, never from a service: anything not in the table (a
 * deadline, a reset connection, {@code UNKNOWN}) is, for the caller, the callee being unavailable.
 */
public enum ErrorKind {

	/** {@link NotFoundException}: unknown, or not the caller's (the same answer). */
	NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found", Status.Code.NOT_FOUND),

	/** {@link ConflictException}: a stale version, a duplicate key, a state that does not allow the move. */
	CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict", Status.Code.ABORTED),

	/** {@link UnprocessableException}: well-formed input that breaks a rule, naming each bad field. */
	UNPROCESSABLE(HttpStatus.UNPROCESSABLE_CONTENT, "validation", "Invalid input", Status.Code.INVALID_ARGUMENT),

	/** {@link AccessDeniedException}: the caller is known and may not do this. */
	FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", Status.Code.PERMISSION_DENIED),

	/**
	 * {@link AuthenticationException}: no valid token. Received from a callee, it is the calling service's
	 * credentials that were refused, which to its own caller is {@link #FORBIDDEN} (nobody can sign in again
	 * to fix it), so the client side answers it as that.
	 */
	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", Status.Code.UNAUTHENTICATED),

	/** {@link RemoteUnavailableException}: a dependency down or too slow; nothing was changed. */
	UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable", Status.Code.UNAVAILABLE),

	/**
	 * Anything else: a fault of ours, logged where it happens. Received from a callee, it is a dependency that
	 * failed, so the client side answers it as {@link #UNAVAILABLE}.
	 */
	INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", Status.Code.INTERNAL);

	private final HttpStatus httpStatus;

	private final String code;

	private final String title;

	private final Status.Code grpcCode;

	ErrorKind(HttpStatus httpStatus, String code, String title, Status.Code grpcCode) {
		this.httpStatus = httpStatus;
		this.code = code;
		this.title = title;
		this.grpcCode = grpcCode;
	}

	public HttpStatus httpStatus() {
		return httpStatus;
	}

	/** The problem document's {@code code} and the last segment of its {@code type}. */
	public String code() {
		return code;
	}

	/** The problem document's {@code title}. */
	public String title() {
		return title;
	}

	public Status.Code grpcCode() {
		return grpcCode;
	}

	/**
	 * The kind of an exception thrown while serving a call. Spring Data's optimistic-lock and duplicate-key
	 * failures are conflicts a service did not translate itself: another request changed or created the same
	 * record first.
	 */
	public static ErrorKind of(Throwable ex) {
		if (ex instanceof NotFoundException) {
			return NOT_FOUND;
		}
		if (ex instanceof ConflictException || ex instanceof OptimisticLockingFailureException
				|| ex instanceof DuplicateKeyException) {
			return CONFLICT;
		}
		if (ex instanceof UnprocessableException) {
			return UNPROCESSABLE;
		}
		if (ex instanceof AccessDeniedException) {
			return FORBIDDEN;
		}
		if (ex instanceof AuthenticationException) {
			return UNAUTHENTICATED;
		}
		if (ex instanceof RemoteUnavailableException) {
			return UNAVAILABLE;
		}
		return INTERNAL;
	}

	/** The kind a gRPC status code stands for; a code no service sends is the callee being unavailable. */
	public static ErrorKind of(Status.Code grpcCode) {
		for (ErrorKind kind : values()) {
			if (kind.grpcCode == grpcCode) {
				return kind;
			}
		}
		return UNAVAILABLE;
	}

	/** The kind an HTTP status stands for, if it is one of the table's. */
	public static java.util.Optional<ErrorKind> of(int httpStatus) {
		for (ErrorKind kind : values()) {
			if (kind.httpStatus.value() == httpStatus) {
				return java.util.Optional.of(kind);
			}
		}
		return java.util.Optional.empty();
	}
}
