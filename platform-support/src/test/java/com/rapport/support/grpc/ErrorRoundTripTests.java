package com.rapport.support.grpc;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.test.TestTokens;
import com.rapport.support.web.ProblemDetailsAdvice;
import com.rapport.support.wire.ErrorKind;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every kind of error on the whole way a console or partner request takes: a service's adapter throws the
 * domain exception, the auto-configured gRPC server (its real security interceptor and exception handler)
 * answers the kind's status code, the caller's {@link RemoteCalls} turns it back into the same exception type,
 * and the caller's REST advice answers the kind's status and problem {@code code}. A new {@link ErrorKind} without
 * a case here fails {@link #everyKindHasACase()}.
 */
@SpringBootTest(classes = ErrorRoundTripTests.Service.class,
		properties = { "spring.application.name=error-round-trip-test", "rapport.mongodb.embedded.in-memory=true",
				"spring.grpc.server.port=0", "spring.grpc.server.inprocess.name=" + ErrorRoundTripTests.SERVER,
				"spring.grpc.server.health.enabled=false", "rapport.relay.enabled=false" })
@Import(TestTokens.DecoderConfiguration.class)
class ErrorRoundTripTests {

	static final String SERVER = "error-round-trip";

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	private static final Map<String, String> FIELD_ERRORS = new LinkedHashMap<>();
	static {
		FIELD_ERRORS.put("email", "an email address such as name@example.com");
		FIELD_ERRORS.put("timeZone", "an IANA time zone such as Asia/Shanghai");
	}

	/** What the service's adapter throws, by the name the caller sends. */
	static final Map<String, Supplier<RuntimeException>> FAILURES = Map.of(
			"not-found", () -> NotFoundException.withoutCode("No organisation acme-retail"),
			"conflict", () -> ConflictException.withoutCode("Organisation acme-retail was changed meanwhile; read it again and repeat the change."),
			"stale", () -> new OptimisticLockingFailureException("Version 7 is not the stored 8"),
			"duplicate", () -> new DuplicateKeyException("E11000 duplicate key"),
			"unprocessable", () -> UnprocessableException.withoutCode("The contact is not valid.", FIELD_ERRORS),
			"unprocessable-no-field", () -> UnprocessableException.withoutCode("Invalid page token.", Map.of()),
			"forbidden", () -> new AccessDeniedException("Changing organisations needs a staff role"),
			"unauthenticated", () -> new BadCredentialsException("token expired"),
			"unavailable", () -> new RemoteUnavailableException("keycloak", null),
			"internal", () -> new IllegalStateException("secret internals"));

	/** One case: the failure thrown, the gRPC code on the wire, the exception the caller gets, its REST answer. */
	record Case(String failure, ErrorKind onTheWire, Class<? extends RuntimeException> inTheCaller, ErrorKind onRest,
			boolean keepsMessage) {

		@Override
		public String toString() {
			return failure;
		}
	}

	static Stream<Case> cases() {
		return Stream.of(new Case("not-found", ErrorKind.NOT_FOUND, NotFoundException.class, ErrorKind.NOT_FOUND, true),
				new Case("conflict", ErrorKind.CONFLICT, ConflictException.class, ErrorKind.CONFLICT, true),
				new Case("stale", ErrorKind.CONFLICT, ConflictException.class, ErrorKind.CONFLICT, false),
				new Case("duplicate", ErrorKind.CONFLICT, ConflictException.class, ErrorKind.CONFLICT, false),
				new Case("unprocessable", ErrorKind.UNPROCESSABLE, UnprocessableException.class,
						ErrorKind.UNPROCESSABLE, true),
				new Case("unprocessable-no-field", ErrorKind.UNPROCESSABLE, UnprocessableException.class,
						ErrorKind.UNPROCESSABLE, true),
				new Case("forbidden", ErrorKind.FORBIDDEN, AccessDeniedException.class, ErrorKind.FORBIDDEN, false),
				// A callee refusing the calling service's credentials: its caller may not do this (ErrorKind).
				new Case("unauthenticated", ErrorKind.UNAUTHENTICATED, AccessDeniedException.class,
						ErrorKind.FORBIDDEN, false),
				new Case("unavailable", ErrorKind.UNAVAILABLE, RemoteUnavailableException.class,
						ErrorKind.UNAVAILABLE, false),
				// A callee's own fault is, for its caller, a dependency that failed (ErrorKind).
				new Case("internal", ErrorKind.INTERNAL, RemoteUnavailableException.class, ErrorKind.UNAVAILABLE,
						false));
	}

	/** A service whose one gRPC method fails as it is told. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Service {

		@Bean
		BindableService failingService() {
			return new HealthGrpc.HealthImplBase() {
				@Override
				public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> response) {
					throw FAILURES.get(request.getService()).get();
				}
			};
		}
	}

	/** The caller's REST side: one route that makes the remote call, as a service's controller would. */
	@RestController
	static class Caller {

		private final RemoteCalls remote;

		Caller(RemoteCalls remote) {
			this.remote = remote;
		}

		@GetMapping("/probe/{failure}")
		String probe(@PathVariable String failure) {
			return remote.write("probe-service", () -> stub().check(request(failure))).toString();
		}
	}

	// A breaker that never opens: each case must reach the server, however many failed before it.
	private final RemoteCalls remoteCalls = new RemoteCalls(
			CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().minimumNumberOfCalls(Integer.MAX_VALUE).build()),
			RetryRegistry.ofDefaults());

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Caller(remoteCalls))
		.setControllerAdvice(new ProblemDetailsAdvice(com.rapport.support.test.TestMessages.source()))
		.build();

	@AfterAll
	static void closeChannel() {
		channel.shutdownNow();
	}

	private static HealthGrpc.HealthBlockingStub stub() {
		return HealthGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(TestTokens.service()));
	}

	private static HealthCheckRequest request(String failure) {
		return HealthCheckRequest.newBuilder().setService(failure).build();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void theServerAnswersTheKindsOneGrpcCodeNamingItsProblemCode(Case c) {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> stub().check(request(c.failure())))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(c.onTheWire().grpcCode());
				assertThat(ex.getStatus().getDescription()).doesNotContain("secret internals").doesNotContain("Exception");
				if (c.onTheWire() != ErrorKind.INTERNAL) {
					List<Any> details = StatusProto.fromThrowable(ex).getDetailsList();
					assertThat(details).filteredOn(detail -> detail.is(ErrorInfo.class)).singleElement()
						.satisfies(detail -> assertThat(detail.unpack(ErrorInfo.class).getReason())
							.isEqualTo(c.onTheWire().code()));
				}
			});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void theCallerGetsTheSameExceptionTypeBack(Case c) {
		RuntimeException thrown = FAILURES.get(c.failure()).get();
		assertThatExceptionOfType(c.inTheCaller())
			.isThrownBy(() -> remoteCalls.write("probe-service", () -> stub().check(request(c.failure()))))
			.satisfies(ex -> {
				if (c.keepsMessage()) {
					assertThat(ex.getMessage()).isEqualTo(thrown.getMessage());
				}
				if (ex instanceof UnprocessableException unprocessable && thrown instanceof UnprocessableException sent) {
					assertThat(unprocessable.fieldErrors()).containsExactlyEntriesOf(sent.fieldErrors());
				}
			});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void theCallersRestSideAnswersTheKindsStatusAndCode(Case c) throws Exception {
		ResultActions answer = mvc.perform(get("/probe/" + c.failure()))
			.andExpect(status().is(c.onRest().httpStatus().value()))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value(c.onRest().code()))
			.andExpect(jsonPath("$.type").value("https://rapport.example/problems/" + c.onRest().code()))
			.andExpect(jsonPath("$.title").value(c.onRest().title()))
			.andExpect(content().string(not(containsString("secret internals"))));
		RuntimeException thrown = FAILURES.get(c.failure()).get();
		if (thrown instanceof UnprocessableException sent) {
			answer.andExpect(jsonPath("$.detail").value(sent.getMessage()));
			for (Map.Entry<String, String> field : sent.fieldErrors().entrySet()) {
				answer.andExpect(jsonPath("$.errors." + field.getKey()).value(field.getValue()));
			}
		}
		else if (c.keepsMessage()) {
			answer.andExpect(jsonPath("$.detail").value(thrown.getMessage()));
		}
	}

	@Test
	void everyKindHasACase() {
		Set<ErrorKind> covered = EnumSet.noneOf(ErrorKind.class);
		cases().forEach(c -> {
			covered.add(c.onTheWire());
			covered.add(c.onRest());
		});
		assertThat(covered).containsExactlyInAnyOrder(ErrorKind.values());
		assertThat(cases().map(Case::failure)).containsExactlyInAnyOrderElementsOf(FAILURES.keySet());
	}

	@Test
	void eachKindHasItsOwnStatusCodeAndGrpcCodeReadTheSameWayBack() {
		for (ErrorKind kind : ErrorKind.values()) {
			assertThat(ErrorKind.of(kind.grpcCode())).isEqualTo(kind);
			assertThat(ErrorKind.of(kind.httpStatus().value())).contains(kind);
		}
		assertThat(Stream.of(ErrorKind.values()).map(ErrorKind::code).distinct()).hasSize(ErrorKind.values().length);
	}
}
