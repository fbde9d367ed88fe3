package com.rapport.ordertracking.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.test.FixedClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The Idempotency-Key rule on the real store (embedded): what a partner repeating a write gets. */
@DataMongoTest
@Import({ IdempotentRequests.class, FixedClock.class, IdempotentRequestsTests.Json.class })
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class IdempotentRequestsTests {

	@TestConfiguration
	static class Json {

		@Bean
		JsonMapper jsonMapper() {
			return JsonMapper.builder().build();
		}
	}

	@Autowired
	IdempotentRequests requests;

	@Autowired
	MongoTemplate mongo;

	private final AtomicInteger runs = new AtomicInteger();

	@BeforeEach
	void setUp() {
		mongo.remove(new Query(), IdempotencyRecord.class);
	}

	record Body(String id, int n) {
	}

	private ResponseEntity<?> created() {
		runs.incrementAndGet();
		return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/x/1").body(new Body("1", runs.get()));
	}

	@Test
	void theSameRequestAgainReplaysTheFirstAnswerWithoutRunningAgain() {
		ResponseEntity<?> first = requests.run("partner", "k1", "POST /x\n{}", this::created);
		ResponseEntity<?> again = requests.run("partner", "k1", "POST /x\n{}", this::created);

		assertThat(runs).hasValue(1);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getHeaders().getFirst("Location")).isEqualTo("/x/1");
		assertThat(again.getHeaders().getFirst(IdempotentRequests.REPLAYED)).isEqualTo("true");
		assertThat(again.getBody()).isEqualTo("{\"id\":\"1\",\"n\":1}");
		assertThat(first.getHeaders().getFirst(IdempotentRequests.REPLAYED)).isNull();
	}

	@Test
	void theKeyWithAnotherRequestIsRefusedAndTheKeyOfAnotherCallerIsItsOwn() {
		requests.run("partner", "k1", "POST /x\n{}", this::created);
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> requests.run("partner", "k1", "POST /x\n{\"a\":1}", this::created))
			.satisfies(ex -> assertThat(ex.fieldMessages()).containsKey("Idempotency-Key"));
		requests.run("other-partner", "k1", "POST /x\n{\"a\":1}", this::created);
		assertThat(runs).hasValue(2);
	}

	@Test
	void aKeyStillInFlightAnswersConflictAndItsAnswerAfterwards() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<ResponseEntity<?>> first = CompletableFuture.supplyAsync(() -> requests.run("partner", "k1",
				"POST /x\n{}", () -> {
					started.countDown();
					await(release);
					return created();
				}));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> requests.run("partner", "k1", "POST /x\n{}", this::created))
			.satisfies(ex -> assertThat(ex.reason().code()).isEqualTo("idempotency.in-flight"));
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(requests.run("partner", "k1", "POST /x\n{}", this::created).getHeaders()
			.getFirst(IdempotentRequests.REPLAYED)).isEqualTo("true");
		assertThat(runs).hasValue(1);
	}

	@Test
	void aFailedRequestKeepsNothingSoTheKeyCanBeUsedAgain() {
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> requests.run("partner", "k1", "POST /x\n{}",
				() -> {
					throw new NotFoundException(com.rapport.support.error.Message.of("orders.not-found", "o-1"));
				}));
		assertThat(mongo.count(new Query(), IdempotencyRecord.class)).isZero();
		assertThat(requests.run("partner", "k1", "POST /x\n{}", this::created).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void aKeyLeftInFlightByADeadReplicaIsTakenOverWhenItsLeaseRunsOut() {
		Instant now = FixedClock.NOW;
		mongo.insert(new IdempotencyRecord("partner\nk1", IdempotentRequests.sha256("POST /x\n{}"), IdempotencyRecord.State.IN_FLIGHT, "dead",
				now.minusSeconds(1), null, null, null, now.minusSeconds(61), now.plus(Duration.ofHours(23))));
		assertThat(requests.run("partner", "k1", "POST /x\n{}", this::created).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(runs).hasValue(1);
	}

	@Test
	void anAnswerIsKeptForADayThenTheKeyIsFree() {
		requests.run("partner", "k1", "POST /x\n{}", this::created);
		IdempotencyRecord kept = mongo.findById("partner\nk1", IdempotencyRecord.class);
		assertThat(kept.expiresAt()).isEqualTo(FixedClock.NOW.plus(IdempotentRequests.RETENTION));
		mongo.updateFirst(Query.query(Criteria.where("_id").is("partner\nk1")),
				new Update().set("expiresAt", FixedClock.NOW), IdempotencyRecord.class);
		requests.run("partner", "k1", "POST /x\n{\"other\":true}", this::created);
		assertThat(runs).hasValue(2);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
