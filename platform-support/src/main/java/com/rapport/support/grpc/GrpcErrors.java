package com.rapport.support.grpc;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.rapport.contracts.problem.v1.Problem;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
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
		Map<String, String> fieldErrors = ex instanceof UnprocessableException unprocessable
				? unprocessable.fieldErrors() : Map.of();
		return toStatus(kind, description, fieldErrors, null);
	}

	/**
	 * The status of a kind with its description, its bad fields in words and, for a refusal made with message
	 * codes, those codes in a {@code rapport.problem.v1.Problem} detail (null: none).
	 */
	public static StatusException toStatus(ErrorKind kind, String description, Map<String, String> fieldErrors,
			Problem problem) {
		String message = description != null ? description : kind.title();
		StringBuilder text = new StringBuilder(message);
		com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(kind.grpcCode().value());
		// The field errors first: callers read them as the first detail since before ErrorInfo was added.
		if (!fieldErrors.isEmpty()) {
			BadRequest.Builder badRequest = BadRequest.newBuilder();
			fieldErrors.forEach((field, fieldMessage) -> {
				badRequest.addFieldViolations(
						BadRequest.FieldViolation.newBuilder().setField(field).setDescription(fieldMessage));
				text.append(' ').append(field).append(": ").append(fieldMessage).append('.');
			});
			status.addDetails(Any.pack(badRequest.build()));
		}
		status.addDetails(Any.pack(ErrorInfo.newBuilder().setDomain(DOMAIN).setReason(kind.code())
			.putMetadata(MESSAGE, message).build()));
		if (problem != null) {
			status.addDetails(Any.pack(problem));
		}
		return StatusProto.toStatusException(status.setMessage(text.toString()).build());
	}

	/**
	 * A callee's status as the domain exception it stands for, so that a NOT_FOUND stays a 404, an ABORTED a
	 * 409 and a refusal naming fields a 422 naming the same fields, and an outage becomes a clear 503.
	 */
	public static RuntimeException toDomain(String remote, StatusRuntimeException ex) {
		RuntimeException coded = coded(ex);
		if (coded != null) {
			return coded;
		}
		String message = message(ex);
		return switch (ErrorKind.of(ex.getStatus().getCode())) {
			case NOT_FOUND -> NotFoundException.withoutCode(message != null ? message : "Not found");
			case CONFLICT -> ConflictException.withoutCode(message != null ? message : remote + " refused a clashing change");
			case UNPROCESSABLE ->
				UnprocessableException.withoutCode(message != null ? message : "Rejected by " + remote, fieldErrors(ex));
			case FORBIDDEN, UNAUTHENTICATED -> new AccessDeniedException(remote + " refused the call");
			case UNAVAILABLE, INTERNAL -> new RemoteUnavailableException(remote, ex);
		};
	}

	/**
	 * The callee's refusal made with message codes as the same domain exception with those codes (for the
	 * caller to say in its reader's language), or null when it gave none.
	 */
	private static RuntimeException coded(StatusRuntimeException ex) {
		Problem problem = problem(ex);
		if (problem == null || problem.getCode().isEmpty()) {
			return null;
		}
		Message reason = new Message(problem.getCode(), problem.getArgsList());
		return switch (ErrorKind.of(ex.getStatus().getCode())) {
			case NOT_FOUND -> new NotFoundException(reason);
			case CONFLICT -> new ConflictException(reason);
			case UNPROCESSABLE -> {
				Map<String, Message> fields = new LinkedHashMap<>();
				problem.getFieldsList().forEach(field -> fields.putIfAbsent(field.getField(),
						new Message(field.getCode(), field.getArgsList())));
				yield new UnprocessableException(reason, fields);
			}
			default -> null;
		};
	}

	/** The codes a callee gave in a {@code rapport.problem.v1.Problem} detail, or null when it gave none. */
	static Problem problem(StatusRuntimeException ex) {
		for (Any detail : details(ex)) {
			if (detail.is(Problem.class)) {
				try {
					return detail.unpack(Problem.class);
				}
				catch (InvalidProtocolBufferException malformed) {
					return null;
				}
			}
		}
		return null;
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
