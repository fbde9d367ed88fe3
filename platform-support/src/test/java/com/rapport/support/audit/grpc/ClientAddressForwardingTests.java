package com.rapport.support.audit.grpc;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.rapport.support.audit.ClientAddress;
import io.grpc.BindableService;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address of the person behind a call travels from hop to hop: portal-web's request thread sends its
 * browser's address as metadata, the callee's service method finds it in the call's context, and a call the
 * callee makes in turn sends it on.
 */
class ClientAddressForwardingTests {

	private final AtomicReference<Optional<String>> seenByTheService = new AtomicReference<>();

	private Server server;

	private ManagedChannel channel;

	private HealthGrpc.HealthBlockingStub stub;

	@BeforeEach
	void start() throws IOException {
		String name = InProcessServerBuilder.generateName();
		BindableService service = new HealthGrpc.HealthImplBase() {
			@Override
			public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> response) {
				seenByTheService.set(ClientAddress.current());
				response.onNext(HealthCheckResponse.newBuilder().setStatus(HealthCheckResponse.ServingStatus.SERVING)
					.build());
				response.onCompleted();
			}
		};
		server = InProcessServerBuilder.forName(name)
			.addService(ServerInterceptors.intercept(service, new ClientAddressServerInterceptor()))
			.build()
			.start();
		channel = InProcessChannelBuilder.forName(name).intercept(new ClientAddressClientInterceptor()).build();
		stub = HealthGrpc.newBlockingStub(channel);
	}

	@AfterEach
	void stop() {
		RequestContextHolder.resetRequestAttributes();
		channel.shutdownNow();
		server.shutdownNow();
	}

	private void check() {
		stub.check(HealthCheckRequest.getDefaultInstance());
	}

	@Test
	void theAddressOfTheBrowserRequestBeingServedGoesAlongWithTheCall() {
		MockHttpServletRequest browserRequest = new MockHttpServletRequest();
		browserRequest.setRemoteAddr("10.0.0.2");
		browserRequest.addHeader("X-Forwarded-For", "192.0.2.66, 198.51.100.7");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(browserRequest));

		check();

		assertThat(seenByTheService.get()).hasValue("198.51.100.7");
	}

	@Test
	void aServiceServingACallSendsTheAddressItWasToldOn() {
		Context.current().withValue(ClientAddress.CONTEXT_KEY, "203.0.113.9").run(this::check);

		assertThat(seenByTheService.get()).hasValue("203.0.113.9");
	}

	@Test
	void backgroundWorkSendsNoneAndTheCalleeSeesThePeer() {
		check();

		assertThat(seenByTheService.get()).isPresent().get().asString().isNotBlank()
			.isNotEqualTo("198.51.100.7");
	}

	@Test
	void somethingThatCannotBeAnAddressIsIgnoredForThePeer() {
		Metadata forged = new Metadata();
		forged.put(ClientAddressServerInterceptor.METADATA_KEY, "x".repeat(500));

		stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(forged))
			.check(HealthCheckRequest.getDefaultInstance());

		assertThat(seenByTheService.get()).isPresent().get().asString().doesNotContain("xxx");
	}
}
