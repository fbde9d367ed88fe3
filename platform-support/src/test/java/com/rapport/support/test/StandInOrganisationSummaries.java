package com.rapport.support.test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.rapport.contracts.customer.v1.GetOrganisationSummaryRequest;
import com.rapport.contracts.customer.v1.OrganisationServiceGrpc;
import com.rapport.contracts.customer.v1.OrganisationSummary;
import com.rapport.support.customer.grpc.OrganisationSummaryClient;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;
import com.rapport.support.grpc.ServiceTokenProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A stand-in for customer-service's organisation summaries on a real in-process gRPC server, read through the real
 * {@link OrganisationSummaryClient} as a service calls it: the organisations it knows answer their summary, the
 * ones named unavailable answer {@code UNAVAILABLE}, any other {@code NOT_FOUND}. It keeps the authorization
 * header of every call.
 */
public final class StandInOrganisationSummaries implements AutoCloseable {

	private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	private final List<String> tokensSeen = new CopyOnWriteArrayList<>();

	private final Server server;

	private final ManagedChannel channel;

	private StandInOrganisationSummaries(Map<String, OrganisationSummary> known, Set<String> unavailable)
			throws java.io.IOException {
		String name = InProcessServerBuilder.generateName();
		ServerInterceptor recordToken = new ServerInterceptor() {
			@Override
			public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
					ServerCallHandler<Q, A> next) {
				tokensSeen.add(headers.get(AUTHORIZATION));
				return next.startCall(call, headers);
			}
		};
		OrganisationServiceGrpc.OrganisationServiceImplBase summaries = new OrganisationServiceGrpc.OrganisationServiceImplBase() {
			@Override
			public void getOrganisationSummary(GetOrganisationSummaryRequest request,
					StreamObserver<OrganisationSummary> response) {
				String id = request.getOrganisationId();
				if (known.containsKey(id)) {
					response.onNext(known.get(id));
					response.onCompleted();
				}
				else if (unavailable.contains(id)) {
					response.onError(Status.UNAVAILABLE.asRuntimeException());
				}
				else {
					response.onError(Status.NOT_FOUND.withDescription("No organisation").asRuntimeException());
				}
			}
		};
		this.server = InProcessServerBuilder.forName(name).directExecutor()
			.addService(ServerInterceptors.intercept(summaries, recordToken)).build().start();
		this.channel = InProcessChannelBuilder.forName(name).directExecutor().build();
	}

	public static StandInOrganisationSummaries start(Map<String, OrganisationSummary> known, Set<String> unavailable) {
		try {
			return new StandInOrganisationSummaries(known, unavailable);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("The stand-in customer-service did not start", ex);
		}
	}

	/** The client a service builds, calling with {@code serviceToken} as its own token. */
	public OrganisationSummaryClient client(String serviceToken) {
		ServiceTokenProvider serviceTokens = mock(ServiceTokenProvider.class);
		given(serviceTokens.token()).willReturn(serviceToken);
		return new OrganisationSummaryClient(OrganisationServiceGrpc.newBlockingStub(channel),
				new RemoteCalls(CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults()),
				new CallTokens(serviceTokens));
	}

	/** The authorization header of every call so far. */
	public List<String> tokensSeen() {
		return tokensSeen;
	}

	/** customer-service goes away: every call after this fails as a remote that does not answer. */
	public void stop() {
		server.shutdownNow();
	}

	@Override
	public void close() throws InterruptedException {
		channel.shutdownNow();
		server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}
}
