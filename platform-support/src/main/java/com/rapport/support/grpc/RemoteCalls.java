package com.rapport.support.grpc;

import java.util.function.Supplier;

import com.rapport.support.error.RemoteUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.grpc.StatusRuntimeException;

/**
 * Every call to another service goes through here: a Resilience4j circuit breaker named after the remote
 * (configured under {@code resilience4j.circuitbreaker}), a retry for idempotent reads, and the gRPC status
 * translated back into the domain exception it stands for ({@link GrpcErrors}, {@link com.rapport.support.wire.ErrorKind}),
 * so that a callee's NOT_FOUND stays a 404, its ABORTED a 409, and an outage becomes a clear 503 instead of a
 * stack trace. Deadlines are set per channel ({@code spring.grpc.client.channels.*.default-deadline}).
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

	private static <T> T translated(String remote, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (StatusRuntimeException ex) {
			throw GrpcErrors.toDomain(remote, ex);
		}
	}
}
