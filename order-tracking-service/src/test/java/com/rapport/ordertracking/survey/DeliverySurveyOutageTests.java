package com.rapport.ordertracking.survey;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rapport.contracts.feedback.v1.RequestSurveyRequest;
import com.rapport.contracts.feedback.v1.RequestSurveyResponse;
import com.rapport.contracts.feedback.v1.SurveyRequestOutcome;
import com.rapport.contracts.feedback.v1.SurveyRequestServiceGrpc;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderLine;
import com.rapport.ordertracking.order.OrderProgressService;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.support.grpc.ServiceTokenProperties;
import com.rapport.support.grpc.ServiceTokenProvider;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.TestTokens;
import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A delivered order told to feedback-service over real gRPC (in-process transport, this service's own token) through
 * the order's outbox, on the embedded store: a stand-in of feedback-service's SurveyRequestService keeps one
 * decision per order, as feedback-service does, and is stopped and started to play an outage. The tests drive the
 * relay themselves.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=order-tracking-delivery-surveys",
		"spring.grpc.client.channels.feedback-service.address=in-process:" + DeliverySurveyOutageTests.FEEDBACK_SERVICE })
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class, DeliverySurveyOutageTests.OwnToken.class })
class DeliverySurveyOutageTests {

	static final String FEEDBACK_SERVICE = "feedback-service-stand-in";

	static final Instant NOW = FixedClock.NOW;

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnToken {

		/** This service's own token, as Keycloak would issue it (role internal). */
		@Bean
		ServiceTokenProvider serviceToken() {
			return new ServiceTokenProvider(new ServiceTokenProperties("http://keycloak.invalid/token",
					"order-tracking-service", "unused", null), RestClient.builder(), FixedClock.CLOCK) {
				@Override
				public String token() {
					return TestTokens.service();
				}
			};
		}
	}

	/** feedback-service's survey requests as far as a delivery sees them: one decision per subject. */
	static final class StandInSurveys extends SurveyRequestServiceGrpc.SurveyRequestServiceImplBase {

		final List<RequestSurveyRequest> calls = new CopyOnWriteArrayList<>();

		final Map<String, RequestSurveyRequest> decided = new ConcurrentHashMap<>();

		@Override
		public void requestSurvey(RequestSurveyRequest request, StreamObserver<RequestSurveyResponse> response) {
			calls.add(request);
			decided.putIfAbsent(request.getKind() + "|" + request.getSubjectType() + "|" + request.getSubjectId(), request);
			response.onNext(RequestSurveyResponse.newBuilder()
				.setOutcome(SurveyRequestOutcome.SURVEY_REQUEST_OUTCOME_INVITED).setInvitedCount(2).build());
			response.onCompleted();
		}
	}

	static final StandInSurveys feedback = new StandInSurveys();

	static Server feedbackService;

	@Autowired
	OrderProgressService progress;

	@Autowired
	OrderRepository orders;

	@Autowired
	DeliverySurveyOutbox outbox;

	@Autowired
	MongoTemplate mongo;

	@BeforeAll
	static void startFeedbackService() throws IOException {
		feedbackService = start();
	}

	@AfterAll
	static void stopFeedbackService() {
		feedbackService.shutdownNow();
	}

	private static Server start() throws IOException {
		return InProcessServerBuilder.forName(FEEDBACK_SERVICE).directExecutor().addService(feedback).build().start();
	}

	@BeforeEach
	void setUp() {
		orders.deleteAll();
		feedback.calls.clear();
		feedback.decided.clear();
	}

	private Order placed(String number) {
		return orders.insert(new Order(null, "acme-retail", number, NOW.minusSeconds(86_400), LocalDate.parse("2026-12-10"),
				null, List.of(new OrderLine("CHAIR", "Chair", 3)),
				List.of(new Milestone(MilestoneCode.PLACED, NOW.minusSeconds(86_400), null)), "partner", null, null, null));
	}

	private void reached(String number, String eventId, MilestoneCode code, Instant at) {
		progress.appendMilestone("acme-retail", number, new Milestone(code, at, null, eventId, null, null, null, null,
				false, null));
	}

	private List<DeliveredOrder.DeliveryDue> waiting(Order order) {
		return mongo.findById(order.id(), DeliveredOrder.class).surveyRequests();
	}

	@Test
	void theFirstDeliveryIsToldOnceAsACesAboutTheOrderOfItsOrganisation() {
		Order order = placed("PO-1");
		reached("PO-1", "e-ship", MilestoneCode.SHIPPED, NOW.minusSeconds(7200));
		assertThat(waiting(order)).isEmpty();

		reached("PO-1", "e-delivered", MilestoneCode.DELIVERED, NOW.minusSeconds(3600));
		// A second DELIVERED report (a correction) is no second delivery.
		reached("PO-1", "e-delivered-again", MilestoneCode.DELIVERED, NOW.minusSeconds(1800));
		assertThat(waiting(order)).hasSize(1);

		assertThat(outbox.relayPending()).isEqualTo(1);
		assertThat(outbox.relayPending()).isZero();

		assertThat(feedback.calls).singleElement().satisfies(request -> {
			assertThat(request.getKind()).isEqualTo("CES");
			assertThat(request.getSubjectType()).isEqualTo("ORDER");
			assertThat(request.getSubjectId()).isEqualTo(order.id());
			assertThat(request.getSubjectLabel()).isEqualTo("PO-1");
			assertThat(request.getOrganisationId()).isEqualTo("acme-retail");
			assertThat(request.getContactId()).isEmpty();
			assertThat(request.getOccurredAt().getSeconds()).isEqualTo(NOW.minusSeconds(3600).getEpochSecond());
		});
		assertThat(waiting(order)).isEmpty();
		// The relay's query is answered from a sparse index on the orders.
		assertThat(mongo.indexOps("orders").getIndexInfo()).extracting(info -> info.getName())
			.contains("survey_requests_pending");
	}

	@Test
	void whileFeedbackServiceIsDownTheDeliveryWaitsAndIsToldOnceWhenItIsBack() throws IOException {
		Order order = placed("PO-2");
		feedbackService.shutdownNow();

		reached("PO-2", "e-delivered", MilestoneCode.DELIVERED, NOW.minusSeconds(3600));
		assertThat(outbox.relayPending()).isZero();
		assertThat(outbox.relayPending()).isZero();
		assertThat(waiting(order)).hasSize(1);
		assertThat(feedback.calls).isEmpty();

		feedbackService = start();
		// The channel reconnects after its backoff; until then each round still finds feedback-service unavailable.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
			.until(() -> outbox.relayPending() == 1);
		assertThat(outbox.relayPending()).isZero();

		assertThat(feedback.calls).hasSize(1);
		assertThat(feedback.decided).containsOnlyKeys("CES|ORDER|" + order.id());
		assertThat(waiting(order)).isEmpty();
	}

	@Test
	void anOrderNotDeliveredAsksForNothing() {
		placed("PO-3");
		reached("PO-3", "e-ship", MilestoneCode.SHIPPED, NOW.minusSeconds(600));

		assertThat(outbox.relayPending()).isZero();
		assertThat(feedback.calls).isEmpty();
	}
}
