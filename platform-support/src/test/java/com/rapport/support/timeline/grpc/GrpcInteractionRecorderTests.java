package com.rapport.support.timeline.grpc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rapport.contracts.customer.v1.TimelineServiceGrpc;
import com.rapport.contracts.customer.v1.InteractionKind;
import com.rapport.contracts.customer.v1.RecordInteractionRequest;
import com.rapport.contracts.customer.v1.RecordInteractionResponse;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;
import com.rapport.support.grpc.ServiceTokenProvider;
import com.rapport.support.timeline.InteractionRecorder.TimelineEntry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
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
 * What customer-service receives from a service's timeline recorder (here feedback-service's), with a stand-in
 * customer-service.
 */
class GrpcInteractionRecorderTests {

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

	private final List<RecordInteractionRequest> received = new ArrayList<>();

	private final List<String> tokens = new ArrayList<>();

	private Status answer = Status.OK;

	private Server server;

	private ManagedChannel channel;

	private GrpcInteractionRecorder recorder;

	@BeforeEach
	void start() throws Exception {
		String name = InProcessServerBuilder.generateName();
		var customerService = new TimelineServiceGrpc.TimelineServiceImplBase() {
			@Override
			public void recordInteraction(RecordInteractionRequest request,
					StreamObserver<RecordInteractionResponse> response) {
				received.add(request);
				if (!answer.isOk()) {
					response.onError(answer.asRuntimeException());
					return;
				}
				response.onNext(RecordInteractionResponse.newBuilder().setRecorded(true).build());
				response.onCompleted();
			}
		};
		server = InProcessServerBuilder.forName(name).directExecutor()
			.addService(ServerInterceptors.intercept(customerService, new io.grpc.ServerInterceptor() {
				@Override
				public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call, Metadata headers,
						io.grpc.ServerCallHandler<Q, R> next) {
					tokens.add(headers.get(AUTHORIZATION));
					return next.startCall(call, headers);
				}
			}))
			.build().start();
		channel = InProcessChannelBuilder.forName(name).directExecutor().build();
		ServiceTokenProvider serviceTokens = mock(ServiceTokenProvider.class);
		given(serviceTokens.token()).willReturn("feedback-service-token");
		RemoteCalls remoteCalls = new RemoteCalls(CircuitBreakerRegistry.ofDefaults(),
				RetryRegistry.of(RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(1)).build()));
		recorder = new GrpcInteractionRecorder(TimelineServiceGrpc.newBlockingStub(channel), remoteCalls,
				new CallTokens(serviceTokens), "feedback-service");
	}

	@AfterEach
	void stop() {
		channel.shutdownNow();
		server.shutdownNow();
	}

	private static TimelineEntry entry() {
		return new TimelineEntry("survey-answered:r-1", "acme-retail", "SURVEY_ANSWERED",
				Instant.parse("2026-11-20T08:00:00.250Z"), "CSAT 2/5 on ticket T-1001", "survey-response:r-1",
				Map.of("survey", "CSAT", "score", "2"));
	}

	@Test
	void anAnswerReachesTheTimelineAsThisServiceWithItsOwnToken() {
		recorder.record(entry());

		assertThat(tokens).containsExactly("Bearer feedback-service-token");
		assertThat(received).singleElement().satisfies(request -> {
			var interaction = request.getInteraction();
			assertThat(interaction.getEventId()).isEqualTo("survey-answered:r-1");
			assertThat(interaction.getOrganisationId()).isEqualTo("acme-retail");
			assertThat(interaction.getKind()).isEqualTo(InteractionKind.INTERACTION_KIND_SURVEY_ANSWERED);
			assertThat(interaction.getSource()).isEqualTo("feedback-service");
			assertThat(interaction.getOccurredAt().getSeconds())
				.isEqualTo(Instant.parse("2026-11-20T08:00:00Z").getEpochSecond());
			assertThat(interaction.getOccurredAt().getNanos()).isEqualTo(250_000_000);
			assertThat(interaction.getSummary()).isEqualTo("CSAT 2/5 on ticket T-1001");
			assertThat(interaction.getReference()).isEqualTo("survey-response:r-1");
			assertThat(interaction.getAttributesMap()).containsEntry("score", "2");
		});
	}

	@Test
	void customerServiceDownIsUnavailableAfterARetrySoTheRelayKeepsTheEvent() {
		answer = Status.UNAVAILABLE;

		assertThatExceptionOfType(RemoteUnavailableException.class).isThrownBy(() -> recorder.record(entry()));
		assertThat(received).hasSize(2);
	}

	@Test
	void aRefusalForGoodIsNotTakenForAnOutage() {
		answer = Status.NOT_FOUND.withDescription("No organisation acme-retail");

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> recorder.record(entry()));
	}
}
