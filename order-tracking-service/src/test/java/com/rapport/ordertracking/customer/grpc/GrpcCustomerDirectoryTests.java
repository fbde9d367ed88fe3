package com.rapport.ordertracking.customer.grpc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.rapport.contracts.customer.v1.GetOrganisationSummaryRequest;
import com.rapport.contracts.customer.v1.OrganisationServiceGrpc;
import com.rapport.contracts.customer.v1.OrganisationSummary;
import com.rapport.support.customer.grpc.OrganisationSummaryClient;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;
import com.rapport.support.grpc.ServiceTokenProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Whether an organisation exists and its name, read from a stand-in customer-service's organisation summary over
 * real (in-process) gRPC as this service: an unknown one does not exist, one that cannot be asked is no guess.
 */
class GrpcCustomerDirectoryTests {

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

	private final List<String> tokensSeen = new ArrayList<>();

	private Server server;

	private ManagedChannel channel;

	private GrpcCustomerDirectory directory;

	@BeforeEach
	void start() throws Exception {
		String name = InProcessServerBuilder.generateName();
		ServerInterceptor recordToken = new ServerInterceptor() {
			@Override
			public <Q, A> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, A> call, Metadata headers,
					io.grpc.ServerCallHandler<Q, A> next) {
				tokensSeen.add(headers.get(AUTHORIZATION));
				return next.startCall(call, headers);
			}
		};
		server = InProcessServerBuilder.forName(name).directExecutor()
			.addService(ServerInterceptors.intercept(new OrganisationServiceGrpc.OrganisationServiceImplBase() {
				@Override
				public void getOrganisationSummary(GetOrganisationSummaryRequest request,
						StreamObserver<OrganisationSummary> response) {
					if (request.getOrganisationId().equals("acme-retail")) {
						response.onNext(OrganisationSummary.newBuilder().setId("acme-retail").setName("Acme Retail").build());
						response.onCompleted();
					}
					else {
						response.onError(Status.NOT_FOUND.withDescription("No organisation").asRuntimeException());
					}
				}
			}, recordToken)).build().start();
		channel = InProcessChannelBuilder.forName(name).directExecutor().build();
		ServiceTokenProvider serviceTokens = mock(ServiceTokenProvider.class);
		given(serviceTokens.token()).willReturn("order-tracking-own-token");
		directory = new GrpcCustomerDirectory(new OrganisationSummaryClient(OrganisationServiceGrpc.newBlockingStub(channel),
				new RemoteCalls(CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults()),
				new CallTokens(serviceTokens)));
	}

	@AfterEach
	void stop() throws Exception {
		channel.shutdownNow();
		server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void theOrganisationAndItsNameAreReadWithTheServicesOwnToken() {
		assertThat(directory.exists("acme-retail")).isTrue();
		assertThat(directory.nameOf("acme-retail")).contains("Acme Retail");
		assertThat(directory.exists("nobody")).isFalse();
		assertThat(directory.nameOf("nobody")).isEmpty();
		assertThat(tokensSeen).containsOnly("Bearer order-tracking-own-token");
	}

	@Test
	void aCustomerServiceThatCannotAnswerLeavesTheNameOutButNeverConfirmsAnOrganisation() {
		server.shutdownNow();
		assertThat(directory.nameOf("acme-retail")).isEmpty();
		assertThatExceptionOfType(RemoteUnavailableException.class).isThrownBy(() -> directory.exists("acme-retail"));
	}
}
