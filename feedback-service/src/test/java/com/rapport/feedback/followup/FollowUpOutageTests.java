package com.rapport.feedback.followup;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.Ticket;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketIntakeServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketPriority;
import com.rapport.feedback.response.FollowUpRules;
import com.rapport.feedback.response.NewResponse;
import com.rapport.feedback.response.ResponseService;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.feedback.settings.SurveySettingsService;
import com.rapport.support.grpc.ServiceTokenProperties;
import com.rapport.support.grpc.ServiceTokenProvider;
import com.rapport.support.security.Caller;
import com.rapport.support.test.MutableClock;
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
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A low CSAT's follow-up ticket over real gRPC (in-process transport, this service's own token) to a stand-in of
 * ticket-service's TicketIntakeService that opens one ticket per idempotency key, as ticket-service does; the
 * stand-in is stopped and started to play an outage. The tests drive the relay and move the clock themselves.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=feedback-follow-ups", "rapport.surveys.sending=false",
		"spring.grpc.client.channels.ticket-service.address=in-process:" + FollowUpOutageTests.TICKET_SERVICE,
		"rapport.feedback.follow-up.comment-wait=10m" })
@Import({ TestTokens.DecoderConfiguration.class, FollowUpOutageTests.Clocks.class })
class FollowUpOutageTests {

	static final String TICKET_SERVICE = "ticket-service-stand-in";

	static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

	static final MutableClock CLOCK = new MutableClock(START);

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		Clock movingClock() {
			return CLOCK;
		}

		/** This service's own token, as Keycloak would issue it (role internal). */
		@Bean
		ServiceTokenProvider serviceToken() {
			return new ServiceTokenProvider(new ServiceTokenProperties("http://keycloak.invalid/token", "feedback-service",
					"unused", null), RestClient.builder(), CLOCK) {
				@Override
				public String token() {
					return TestTokens.service();
				}
			};
		}
	}

	/** ticket-service's intake as far as a follow-up sees it: one ticket per idempotency key. */
	static final class StandInIntake extends TicketIntakeServiceGrpc.TicketIntakeServiceImplBase {

		final List<OpenTicketRequest> calls = new CopyOnWriteArrayList<>();

		final Map<String, String> opened = new ConcurrentHashMap<>();

		@Override
		public void openTicket(OpenTicketRequest request, StreamObserver<TicketDetail> response) {
			calls.add(request);
			String number = opened.computeIfAbsent(request.getIdempotencyKey(), key -> "T-" + (2000 + opened.size()));
			response.onNext(TicketDetail.newBuilder().setTicket(Ticket.newBuilder().setNumber(number)).build());
			response.onCompleted();
		}
	}

	static final StandInIntake intake = new StandInIntake();

	static Server ticketService;

	@Autowired
	ResponseService answers;

	@Autowired
	SurveyResponseRepository responses;

	@Autowired
	FollowUpOutbox followUps;

	@Autowired
	SurveySettingsService settings;

	@Autowired
	MongoTemplate mongo;

	@BeforeAll
	static void startTicketService() throws IOException {
		ticketService = start();
	}

	@AfterAll
	static void stopTicketService() {
		ticketService.shutdownNow();
	}

	@BeforeEach
	void setUp() {
		CLOCK.advance(Duration.between(CLOCK.instant(), START));
		responses.deleteAll();
		intake.calls.clear();
		intake.opened.clear();
	}

	private static Server start() throws IOException {
		return InProcessServerBuilder.forName(TICKET_SERVICE).directExecutor().addService(intake).build().start();
	}

	private void csat(String id, int score, String subject) {
		answers.record(new NewResponse(id, "acme-retail", "alice-1", "CSAT", score, null, null, "TICKET", subject, "EMAIL"));
	}

	@Test
	void aCsatOfOneOpensOneHighPriorityFollowUpWithTheScoreTheCommentAndTheTicket() {
		csat("answer-1", 1, "T-1001");
		answers.addComment("answer-1", "Nobody called back.");

		assertThat(followUps.relayPending()).isEqualTo(1);

		assertThat(intake.calls).singleElement().satisfies(call -> {
			assertThat(call.getCustomerId()).isEqualTo("acme-retail");
			assertThat(call.getContactId()).isEqualTo("alice-1");
			assertThat(call.getPriority()).isEqualTo(TicketPriority.TICKET_PRIORITY_HIGH);
			assertThat(call.getSubject()).isEqualTo("Follow-up: CSAT 1/5 on ticket T-1001");
			assertThat(call.getBody()).contains("CSAT 1/5 about ticket T-1001", "Their comment: Nobody called back.");
		});
		assertThat(responses.findById("answer-1").orElseThrow().followUps()).isEmpty();
		assertThat(followUps.relayPending()).isZero();
		assertThat(intake.opened).hasSize(1);
	}

	@Test
	void withoutACommentTheFollowUpWaitsForItThenGoesWithoutOne() {
		csat("answer-2", 2, "T-1002");
		assertThat(followUps.relayPending()).isZero();

		CLOCK.advance(Duration.ofMinutes(10));
		assertThat(followUps.relayPending()).isEqualTo(1);
		assertThat(intake.calls.get(0).getBody()).contains("No comment was given.");
	}

	@Test
	void aHappyScoreWithANegativeOrUrgentCommentOpensOneFollowUpAtOnceSayingWhy() {
		csat("answer-7", 5, "T-1007");
		answers.addComment("answer-7", "The replacement parts never arrived, we need them ASAP.");
		answers.addComment("answer-7", "Another comment changes nothing.");

		assertThat(followUps.relayPending()).isEqualTo(1);
		assertThat(intake.calls).singleElement().satisfies(call -> {
			assertThat(call.getSubject()).isEqualTo("Follow-up: CSAT 5/5 on ticket T-1007");
			assertThat(call.getBody()).contains("Their comment: The replacement parts never arrived",
					"Why a follow-up: comment asks for haste: urgent: asap.");
		});
		assertThat(responses.findById("answer-7").orElseThrow().sentiment().urgent()).isTrue();
		CLOCK.advance(Duration.ofHours(1));
		assertThat(followUps.relayPending()).isZero();
	}

	@Test
	void aChineseCommentThatReadsNegativeOpensAFollowUpAndAPleasedOneDoesNot() {
		csat("answer-8", 4, "T-1008");
		answers.addComment("answer-8", "回复很慢，问题到现在还没解决，非常失望。");
		csat("answer-9", 4, "T-1009");
		answers.addComment("answer-9", "处理得很及时，谢谢！");

		assertThat(followUps.relayPending()).isEqualTo(1);
		assertThat(intake.calls).singleElement()
			.satisfies(call -> assertThat(call.getBody()).contains("Why a follow-up: comment reads negative: "));
		assertThat(responses.findById("answer-9").orElseThrow().sentiment().polarity())
			.isEqualTo(com.rapport.feedback.sentiment.Sentiment.Polarity.POSITIVE);
	}

	@Test
	void anNpsDetractorOpensAFollowUpUnlessAManagerTurnedThatOff() {
		answers.record(new NewResponse("nps-1", "acme-retail", "alice-1", "NPS", 5, null, null, null, null, "EMAIL"));
		answers.record(new NewResponse("nps-2", "acme-retail", "alice-1", "NPS", 7, null, null, null, null, "EMAIL"));
		CLOCK.advance(Duration.ofMinutes(10));
		assertThat(followUps.relayPending()).isEqualTo(1);
		assertThat(intake.calls.get(0).getSubject()).isEqualTo("Follow-up: NPS 5/10 on the relationship");
		assertThat(intake.calls.get(0).getBody()).contains("Why a follow-up: NPS of 6 or less (detractor).");

		settings.update(new Caller("manager.wang", Set.of(Caller.MANAGER), Set.of(), Optional.empty(), "portal-web",
				null), false, true,
				new FollowUpRules(3, FollowUpRules.NO_NPS, true), settings.current().version());
		try {
			answers.record(new NewResponse("nps-3", "acme-retail", "alice-1", "NPS", 0, null, null, null, null, "EMAIL"));
			CLOCK.advance(Duration.ofMinutes(10));
			assertThat(followUps.relayPending()).isZero();
		}
		finally {
			mongo.dropCollection(com.rapport.feedback.settings.SurveySettings.class);
		}
	}

	@Test
	void aCsatOfThreeOrMoreOpensNothing() {
		csat("answer-3", 3, "T-1003");
		csat("answer-4", 5, "T-1004");
		CLOCK.advance(Duration.ofHours(1));

		assertThat(followUps.relayPending()).isZero();
		assertThat(intake.calls).isEmpty();
	}

	@Test
	void whileTicketServiceIsDownTheFollowUpWaitsAndIsOpenedExactlyOnceWhenItIsBack() throws IOException {
		csat("answer-5", 1, "T-1005");
		answers.addComment("answer-5", "Still broken.");
		ticketService.shutdownNow();

		assertThat(followUps.relayPending()).isZero();
		assertThat(followUps.relayPending()).isZero();
		assertThat(responses.findById("answer-5").orElseThrow().followUps()).hasSize(1);
		assertThat(intake.calls).isEmpty();

		ticketService = start();
		// The channel reconnects on its own backoff; the relay's next rounds (every 2 s in service) find it back.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
			.until(() -> followUps.relayPending() == 1);
		assertThat(followUps.relayPending()).isZero();
		assertThat(intake.opened).hasSize(1);
		assertThat(responses.findById("answer-5").orElseThrow().followUps()).isEmpty();
		assertThat(responses.findById("answer-5").orElseThrow().undeliverable()).isEmpty();
	}

	@Test
	void aFollowUpSentAgainAfterALostAnswerOpensNoSecondTicket() {
		csat("answer-6", 1, "T-1006");
		CLOCK.advance(Duration.ofMinutes(10));
		// As if the first answer was lost: ticket-service opened it, the follow-up stayed waiting and goes again.
		followUps.relayPending();
		var stored = responses.findById("answer-6").orElseThrow();
		assertThat(stored.followUps()).isEmpty();
		followUps.deliver(stored, new com.rapport.feedback.response.FollowUp("survey-follow-up:answer-6", START, null));

		assertThat(intake.calls).hasSize(2);
		assertThat(intake.opened).hasSize(1);
		assertThat(intake.calls).extracting(OpenTicketRequest::getIdempotencyKey).containsOnly("survey-follow-up:answer-6");
	}
}
