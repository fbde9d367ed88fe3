package com.rapport.support.grpc;

import java.util.LinkedHashMap;
import java.util.Map;

import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.test.TestMessages;
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
			.handleException(UnprocessableException.withoutCode("The contact is not valid.", errors));

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
	void codedRefusalsCrossTheCallAsCodesWithTheirValuesAndEnglishWordsBeside() {
		Map<String, Message> fields = new LinkedHashMap<>();
		fields.put("subject", Message.of("field.too-long", 200));
		fields.put("requester.email", Message.of("field.email"));
		StatusException refused = new DomainGrpcExceptionHandler(TestMessages.source())
			.handleException(new UnprocessableException(Message.of("ticket.rejected"), fields));

		assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(refused.getStatus().getDescription()).contains("subject: must be at most 200 characters");
		RemoteCalls calls = new RemoteCalls(CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults());
		assertThatExceptionOfType(UnprocessableException.class).isThrownBy(() -> calls.write("ticket-service", () -> {
			throw new StatusRuntimeException(refused.getStatus(), refused.getTrailers());
		})).satisfies(ex -> {
			assertThat(ex.reason()).isEqualTo(Message.of("ticket.rejected"));
			assertThat(ex.fieldMessages()).containsExactlyEntriesOf(fields);
		});
	}

	@Test
	void aCodedNotFoundStaysNotFoundWithItsCode() {
		StatusException refused = new DomainGrpcExceptionHandler(TestMessages.source())
			.handleException(new NotFoundException(Message.of("problem.forbidden")));
		RemoteCalls calls = new RemoteCalls(CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults());

		assertThat(refused.getStatus().getDescription()).isEqualTo("You may not do this.");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> calls.read("ticket-service", () -> {
			throw new StatusRuntimeException(refused.getStatus(), refused.getTrailers());
		})).satisfies(ex -> assertThat(ex.reason()).isEqualTo(Message.of("problem.forbidden")));
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
