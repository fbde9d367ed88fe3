package com.rapport.support.grpc;

import java.util.function.Supplier;

import com.rapport.contracts.problem.v1.Problem;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

import java.util.Map;

import org.springframework.security.access.AccessDeniedException;

/**
 * Every call to another service goes through here: a Resilience4j circuit breaker named after the remote
 * (configured under {@code resilience4j.circuitbreaker}), a retry for idempotent reads, and the gRPC status
 * translated back into the domain exceptions, so that a caller's NOT_FOUND stays a 404 and an outage becomes
 * a clear 503 instead of a stack trace. Deadlines are set per channel ({@code spring.grpc.client.channels.*.default-deadline}).
 */
public class RemoteCalls {

	private final CircuitBreakerRegistry circuitBreakers;

	private final RetryRegistry retries;

	public RemoteCalls(CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
		this.circuitBreakers = circuitBreakers;
		this.retries = retries;
	}

	/** A read that may safely be repeated: retried on transient failure, then guarded by the breaker. */
	public <T> T read(String remote, Supplier<T> call) {
		Supplier<T> guarded = circuitBreakers.circuitBreaker(remote).decorateSupplier(() -> translated(remote, call));
		try {
			return retries.retry(remote).executeSupplier(guarded);
		}
		catch (CallNotPermittedException ex) {
			throw new RemoteUnavailableException(remote, ex);
		}
	}

	/** A call that changes something: never retried here (the callee's idempotency keys handle re-sends). */
	public <T> T write(String remote, Supplier<T> call) {
		try {
			return circuitBreakers.circuitBreaker(remote).executeSupplier(() -> translated(remote, call));
		}
		catch (CallNotPermittedException ex) {
			throw new RemoteUnavailableException(remote, ex);
		}
	}

	/** The bad fields a callee named in a {@code google.rpc.BadRequest} detail; none when it named none. */
	static Map<String, String> fieldErrors(StatusRuntimeException ex) {
		com.google.rpc.Status status = StatusProto.fromThrowable(ex);
		if (status == null) {
			return Map.of();
		}
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		for (Any detail : status.getDetailsList()) {
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

	/**
	 * The codes a callee gave in a {@code rapport.problem.v1.Problem} detail, or null when it gave none: the
	 * reason and each bad field, for the caller to say in its reader's language.
	 */
	static Problem problem(StatusRuntimeException ex) {
		com.google.rpc.Status status = StatusProto.fromThrowable(ex);
		if (status == null) {
			return null;
		}
		for (Any detail : status.getDetailsList()) {
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

	/** The callee's coded refusal as the domain exception it was, or null when it gave no codes. */
	private static RuntimeException coded(StatusRuntimeException ex) {
		Problem problem = problem(ex);
		if (problem == null || problem.getCode().isEmpty()) {
			return null;
		}
		Message reason = new Message(problem.getCode(), problem.getArgsList());
		return switch (ex.getStatus().getCode()) {
			case NOT_FOUND -> new NotFoundException(reason);
			case FAILED_PRECONDITION -> problem.getFieldsCount() == 0 ? new UnprocessableException(reason, Map.of())
					: null;
			case INVALID_ARGUMENT -> {
				Map<String, Message> fields = new java.util.LinkedHashMap<>();
				problem.getFieldsList().forEach(field -> fields.putIfAbsent(field.getField(),
						new Message(field.getCode(), field.getArgsList())));
				yield new UnprocessableException(reason, fields);
			}
			default -> null;
		};
	}

	private static <T> T translated(String remote, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (StatusRuntimeException ex) {
			RuntimeException coded = coded(ex);
			if (coded != null) {
				throw coded;
			}
			String description = ex.getStatus().getDescription();
			throw switch (ex.getStatus().getCode()) {
				case NOT_FOUND -> new NotFoundException(description != null ? description : "Not found");
				case INVALID_ARGUMENT, FAILED_PRECONDITION ->
					new UnprocessableException(description != null ? description : "Rejected by " + remote, fieldErrors(ex));
				case PERMISSION_DENIED, UNAUTHENTICATED -> new AccessDeniedException(remote + " refused the call");
				default -> new RemoteUnavailableException(remote, ex);
			};
		}
	}
}
