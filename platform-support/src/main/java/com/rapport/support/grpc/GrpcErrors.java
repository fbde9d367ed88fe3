package com.rapport.support.grpc;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.wire.ErrorKind;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

import org.springframework.security.access.AccessDeniedException;

/**
 * Both directions of {@link ErrorKind} on gRPC: a domain exception as the status a service answers, and that
 * status back as the same domain exception in its caller. Every status carries a {@code google.rpc.ErrorInfo}
 * whose reason is the kind's problem code, and the domain message as it was thrown; an
 * {@link UnprocessableException} adds a {@code google.rpc.BadRequest} naming each bad field.
 */
public final class GrpcErrors {

	/** {@code ErrorInfo.domain} of the statuses this platform sends. */
	public static final String DOMAIN = "rapport.example";

	private static final String MESSAGE = "message";

	private GrpcErrors() {
	}

	/**
	 * The status a service answers for a domain exception of a known kind: its message as description (field
	 * errors appended, for callers that read only the plain status) and in the {@code ErrorInfo}.
	 */
	public static StatusException toStatus(ErrorKind kind, Throwable ex) {
		return toStatus(kind, ex.getMessage(), ex);
	}

	/**
	 * The status of a kind with a description of its own, which stands for the exception's message too (a
	 * refusal's reason stays inside the service that refused).
	 */
	public static StatusException toStatus(ErrorKind kind, String description, Throwable ex) {
		String message = description != null ? description : kind.title();
		StringBuilder text = new StringBuilder(message);
		com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(kind.grpcCode().value());
		// The field errors first: callers read them as the first detail since before ErrorInfo was added.
		if (ex instanceof UnprocessableException unprocessable && !unprocessable.fieldErrors().isEmpty()) {
			BadRequest.Builder badRequest = BadRequest.newBuilder();
			unprocessable.fieldErrors().forEach((field, fieldMessage) -> {
				badRequest.addFieldViolations(
						BadRequest.FieldViolation.newBuilder().setField(field).setDescription(fieldMessage));
				text.append(' ').append(field).append(": ").append(fieldMessage).append('.');
			});
			status.addDetails(Any.pack(badRequest.build()));
		}
		status.addDetails(Any.pack(ErrorInfo.newBuilder().setDomain(DOMAIN).setReason(kind.code())
			.putMetadata(MESSAGE, message).build()));
		return StatusProto.toStatusException(status.setMessage(text.toString()).build());
	}

	/**
	 * A callee's status as the domain exception it stands for, so that a NOT_FOUND stays a 404, an ABORTED a
	 * 409 and a refusal naming fields a 422 naming the same fields, and an outage becomes a clear 503.
	 */
	public static RuntimeException toDomain(String remote, StatusRuntimeException ex) {
		String message = message(ex);
		return switch (ErrorKind.of(ex.getStatus().getCode())) {
			case NOT_FOUND -> new NotFoundException(message != null ? message : "Not found");
			case CONFLICT -> new ConflictException(message != null ? message : remote + " refused a clashing change");
			case UNPROCESSABLE ->
				new UnprocessableException(message != null ? message : "Rejected by " + remote, fieldErrors(ex));
			case FORBIDDEN, UNAUTHENTICATED -> new AccessDeniedException(remote + " refused the call");
			case UNAVAILABLE, INTERNAL -> new RemoteUnavailableException(remote, ex);
		};
	}

	/** The message the callee's exception had; else the status description (a status not sent through here). */
	static String message(StatusRuntimeException ex) {
		for (Any detail : details(ex)) {
			if (detail.is(ErrorInfo.class)) {
				try {
					ErrorInfo info = detail.unpack(ErrorInfo.class);
					if (DOMAIN.equals(info.getDomain()) && info.containsMetadata(MESSAGE)) {
						return info.getMetadataOrThrow(MESSAGE);
					}
				}
				catch (InvalidProtocolBufferException malformed) {
					// A detail that does not parse: the description below still says why.
				}
			}
		}
		return ex.getStatus().getDescription();
	}

	/** The bad fields a callee named in a {@code google.rpc.BadRequest} detail; none when it named none. */
	static Map<String, String> fieldErrors(StatusRuntimeException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (Any detail : details(ex)) {
			if (detail.is(BadRequest.class)) {
				try {
					detail.unpack(BadRequest.class).getFieldViolationsList()
						.forEach(violation -> errors.putIfAbsent(violation.getField(), violation.getDescription()));
				}
				catch (InvalidProtocolBufferException malformed) {
					// A detail that does not parse names no field; the description still says why.
				}
			}
		}
		return errors;
	}

	private static java.util.List<Any> details(StatusRuntimeException ex) {
		com.google.rpc.Status status = StatusProto.fromThrowable(ex);
		return status == null ? java.util.List.of() : status.getDetailsList();
	}

	/** The plain status of a kind, for a failure that carries no message worth passing on. */
	static Status plain(ErrorKind kind) {
		return Status.fromCode(kind.grpcCode());
	}
}
