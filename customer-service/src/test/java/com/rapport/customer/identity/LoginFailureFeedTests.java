package com.rapport.customer.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.test.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The feed over the embedded store with Keycloak's events in memory. */
@DataMongoTest
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class LoginFailureFeedTests {

	static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

	@Autowired
	MongoTemplate mongo;

	final InMemoryKeycloakAdmin keycloak = new InMemoryKeycloakAdmin();

	final List<LoginFailure> handed = new CopyOnWriteArrayList<>();

	final MutableClock clock = new MutableClock(NOW);

	LoginFailureFeed feed;

	/** Pages of 2, so that paging is exercised with a handful of events. */
	LoginFailureFeed feed(LoginFailureSink sink) {
		return new LoginFailureFeed(keycloak, sink, mongo, clock,
				new IdentityProperties.LoginFailureSettings(2, 1000, Duration.ofHours(1), null));
	}

	@BeforeEach
	void setUp() {
		mongo.remove(new Query(), LoginFailureFeed.COLLECTION);
		feed = feed(handed::add);
	}

	static LoginFailure failure(String id, Instant at) {
		return new LoginFailure(id, at, "acme.buyer", "u-1", "rapport-gateway", "127.0.0.1",
				"invalid_user_credentials");
	}

	@Test
	void theFirstRunStartsAtTheLookbackAndHandsEachFailureOldestFirst() {
		keycloak.failures.add(failure("too-old", NOW.minus(Duration.ofHours(2))));
		keycloak.failures.add(failure("b", NOW.minusSeconds(20)));
		keycloak.failures.add(failure("a", NOW.minusSeconds(30)));
		keycloak.failures.add(failure("c", NOW.minusSeconds(10)));

		assertThat(feed.poll()).isEqualTo(3);

		assertThat(handed).extracting(LoginFailure::eventId).containsExactly("a", "b", "c");
		assertThat(keycloak.failureQueries).first().isEqualTo(NOW.minus(Duration.ofHours(1)));
	}

	@Test
	void theCursorAdvancesAndNothingIsHandedTwiceAcrossRuns() {
		keycloak.failures.add(failure("a", NOW.minusSeconds(30)));
		keycloak.failures.add(failure("b", NOW.minusSeconds(20)));
		feed.poll();
		assertThat(feed.poll()).isZero();

		keycloak.failures.add(failure("c", NOW.plusSeconds(5)));
		keycloak.failures.add(failure("d", NOW.plusSeconds(6)));
		keycloak.failures.add(failure("e", NOW.plusSeconds(7)));
		clock.advance(Duration.ofMinutes(1));
		assertThat(feed(handed::add).poll()).as("a new replica reads the stored cursor").isEqualTo(3);

		assertThat(handed).extracting(LoginFailure::eventId).containsExactly("a", "b", "c", "d", "e");
		assertThat(keycloak.failureQueries).as("each run reads on from the last failure handed").containsExactly(
				NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(1)), // a page of 2, then an empty one
				NOW.minusSeconds(20), // the second run: only b, already handed
				NOW.minusSeconds(20), NOW.minusSeconds(20), NOW.minusSeconds(20)); // the third: b c, d e, none
		assertThat(feed.poll()).isZero();
		assertThat(keycloak.failureQueries).last().isEqualTo(NOW.plusSeconds(7));
	}

	@Test
	void failuresAtTheSameMillisecondAreHandedOnceEach() {
		Instant at = NOW.minusSeconds(5);
		keycloak.failures.add(failure("x", at));
		feed.poll();
		keycloak.failures.add(failure("y", at)); // stored by Keycloak after the first run, same millisecond
		keycloak.failures.add(failure("z", at));
		feed.poll();
		feed.poll();

		assertThat(handed).extracting(LoginFailure::eventId).containsExactly("x", "y", "z");
	}

	@Test
	void aKeycloakThatIsDownLeavesTheCursorWhereItWas() {
		keycloak.failures.add(failure("a", NOW.minusSeconds(30)));
		feed.poll();
		keycloak.down = true;
		keycloak.failures.add(failure("b", NOW.minusSeconds(20)));
		assertThatExceptionOfType(RemoteUnavailableException.class).isThrownBy(feed::poll);

		keycloak.down = false;
		feed.poll();
		assertThat(handed).extracting(LoginFailure::eventId).containsExactly("a", "b");
	}

	@Test
	void aFailingSinkGetsTheSameFailureAgainNextRun() {
		keycloak.failures.add(failure("a", NOW.minusSeconds(30)));
		keycloak.failures.add(failure("b", NOW.minusSeconds(20)));
		keycloak.failures.add(failure("c", NOW.minusSeconds(10)));
		LoginFailureFeed flaky = feed(failure -> {
			if (failure.eventId().equals("b")) {
				throw new IllegalStateException("audit trail down");
			}
			handed.add(failure);
		});
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(flaky::poll);
		assertThat(handed).extracting(LoginFailure::eventId).containsExactly("a");

		feed.poll();
		assertThat(handed).extracting(LoginFailure::eventId).containsExactly("a", "b", "c");
	}

	@Test
	void failuresWithoutAnIdAreToldApartByTheirContent() {
		Instant at = NOW.minusSeconds(5);
		keycloak.failures.add(new LoginFailure(null, at, "acme.buyer", null, "rapport-gateway", "10.0.0.1", "x"));
		keycloak.failures.add(new LoginFailure(null, at, "globex.buyer", null, "rapport-gateway", "10.0.0.2", "x"));
		feed.poll();
		feed.poll();
		assertThat(handed).extracting(LoginFailure::username).containsExactly("acme.buyer", "globex.buyer");
	}
}
