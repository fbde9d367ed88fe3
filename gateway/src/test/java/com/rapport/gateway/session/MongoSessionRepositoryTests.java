package com.rapport.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.bson.Document;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions as two gateway replicas see them: each with its own repository over the one store. */
class MongoSessionRepositoryTests {

	private final ApplicationContextRunner store = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class,
				MongoReactiveAutoConfiguration.class, DataMongoReactiveAutoConfiguration.class))
		.withPropertyValues("spring.application.name=gateway", "rapport.mongodb.embedded.in-memory=true");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));

	@Test
	void aSessionSavedByOneReplicaIsFoundByAnotherWithTheSignedInUser() {
		store.run(context -> {
			ReactiveMongoTemplate mongo = context.getBean(ReactiveMongoTemplate.class);
			var replicaA = new MongoSessionRepository(mongo, Duration.ofMinutes(30), clock);
			var replicaB = new MongoSessionRepository(mongo, Duration.ofMinutes(30), clock);

			StoredSession session = replicaA.createSession().block();
			session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(
					new TestingAuthenticationToken("acme.buyer", "n/a", List.of())));
			replicaA.save(session).block();

			StoredSession found = replicaB.findById(session.getId()).block();
			assertThat(found).isNotNull();
			SecurityContextImpl security = found.getAttribute("SPRING_SECURITY_CONTEXT");
			assertThat(security.getAuthentication().getName()).isEqualTo("acme.buyer");
			assertThat(found.getCreationTime()).isEqualTo(session.getCreationTime());
		});
	}

	@Test
	void anIdleSessionExpiresAndIsRemoved() {
		store.run(context -> {
			ReactiveMongoTemplate mongo = context.getBean(ReactiveMongoTemplate.class);
			var repository = new MongoSessionRepository(mongo, Duration.ofMinutes(30), clock);
			StoredSession session = repository.createSession().block();
			repository.save(session).block();

			clock.advance(Duration.ofMinutes(29));
			assertThat(repository.findById(session.getId()).block()).isNotNull();
			clock.advance(Duration.ofMinutes(2));
			assertThat(repository.findById(session.getId()).block()).isNull();
			assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(),
					MongoSessionRepository.COLLECTION).block()).isZero();
		});
	}

	@Test
	void aNewSessionIdAfterLoginLeavesNothingUnderTheOldOne() {
		store.run(context -> {
			ReactiveMongoTemplate mongo = context.getBean(ReactiveMongoTemplate.class);
			var repository = new MongoSessionRepository(mongo, Duration.ofMinutes(30), clock);
			StoredSession session = repository.createSession().block();
			repository.save(session).block();
			StoredSession loaded = repository.findById(session.getId()).block();
			String before = loaded.getId();

			loaded.changeSessionId();
			repository.save(loaded).block();

			assertThat(repository.findById(before).block()).as("the id an attacker may have fixed").isNull();
			assertThat(repository.findById(loaded.getId()).block()).isNotNull();
		});
	}

	@Test
	void aRequestThatChangesNothingWritesNothingForAMinuteThenOnlyItsTimes() {
		store.run(context -> {
			ReactiveMongoTemplate mongo = context.getBean(ReactiveMongoTemplate.class);
			var repository = new MongoSessionRepository(mongo, Duration.ofMinutes(30), clock);
			StoredSession session = repository.createSession().block();
			session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(
					new TestingAuthenticationToken("acme.buyer", "n/a", List.of())));
			repository.save(session).block();
			Document first = stored(mongo, session.getId());

			clock.advance(Duration.ofSeconds(40));
			StoredSession request = repository.findById(session.getId()).block();
			request.setLastAccessedTime(clock.instant());
			request.getAttribute("SPRING_SECURITY_CONTEXT");
			repository.save(request).block();
			assertThat(stored(mongo, session.getId())).as("nothing written within a minute").isEqualTo(first);

			clock.advance(Duration.ofSeconds(40));
			StoredSession later = repository.findById(session.getId()).block();
			later.setLastAccessedTime(clock.instant());
			repository.save(later).block();
			Document touched = stored(mongo, session.getId());
			assertThat(touched.getDate("lastAccessedAt").toInstant()).isEqualTo(clock.instant());
			assertThat(touched.getDate("expireAt").toInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
			assertThat(touched.get("attributes")).as("the attributes are not written again").isEqualTo(first.get("attributes"));
		});
	}

	@Test
	void aSessionInUseStaysAliveAndAChangedAttributeIsWrittenAtOnce() {
		store.run(context -> {
			ReactiveMongoTemplate mongo = context.getBean(ReactiveMongoTemplate.class);
			var repository = new MongoSessionRepository(mongo, Duration.ofMinutes(30), clock);
			StoredSession session = repository.createSession().block();
			repository.save(session).block();

			for (int minutes = 0; minutes < 60; minutes += 10) {
				clock.advance(Duration.ofMinutes(10));
				StoredSession request = repository.findById(session.getId()).block();
				assertThat(request).as("after %d minutes of use", minutes + 10).isNotNull();
				request.setLastAccessedTime(clock.instant());
				repository.save(request).block();
			}

			StoredSession request = repository.findById(session.getId()).block();
			request.setAttribute("SPRING_SECURITY_SAVED_REQUEST", "/portal/orders");
			repository.save(request).block();
			assertThat(repository.findById(session.getId()).block().<String>getAttribute("SPRING_SECURITY_SAVED_REQUEST"))
				.isEqualTo("/portal/orders");

			StoredSession next = repository.findById(session.getId()).block();
			next.removeAttribute("SPRING_SECURITY_SAVED_REQUEST");
			repository.save(next).block();
			assertThat(repository.findById(session.getId()).block().getAttributeNames()).isEmpty();
		});
	}

	private static Document stored(ReactiveMongoTemplate mongo, String id) {
		return mongo.findById(id, Document.class, MongoSessionRepository.COLLECTION).block();
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
