package com.rapport.support.grpc;

import java.util.LinkedHashMap;
import java.util.Map;

import com.rapport.support.error.UnprocessableException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A callee's "these fields are wrong" reaches the caller field by field, as a form needs it. */
class FieldErrorsOverGrpcTests {

	@Test
	void everyBadFieldCrossesTheCall() {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("email", "an email address such as name@example.com");
		errors.put("timeZone", "an IANA time zone such as Asia/Shanghai");
		StatusException refused = new DomainGrpcExceptionHandler()
			.handleException(new UnprocessableException("The contact is not valid.", errors));

		assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(refused.getStatus().getDescription()).contains("email: an email address");
		RemoteCalls calls = new RemoteCalls(CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults());
		assertThatExceptionOfType(UnprocessableException.class).isThrownBy(() -> calls.write("customer-service", () -> {
			throw new StatusRuntimeException(refused.getStatus(), refused.getTrailers());
		})).satisfies(ex -> {
			assertThat(ex.fieldErrors()).containsExactlyInAnyOrderEntriesOf(errors);
			assertThat(ex.getMessage()).isEqualTo("The contact is not valid.");
		});
	}

	@Test
	void aRefusalWithoutFieldsNamesNone() {
		RemoteCalls calls = new RemoteCalls(CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults());

		assertThatExceptionOfType(UnprocessableException.class).isThrownBy(() -> calls.write("customer-service", () -> {
			throw Status.INVALID_ARGUMENT.withDescription("Invalid page token").asRuntimeException();
		})).satisfies(ex -> {
			assertThat(ex.fieldErrors()).isEmpty();
			assertThat(ex.getMessage()).isEqualTo("Invalid page token");
		});
	}
}
