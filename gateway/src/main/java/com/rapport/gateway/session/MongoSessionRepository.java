package com.rapport.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;

/**
 * Spring Session's reactive repository on MongoDB. (Spring Session's own MongoDB module has no release
 * for Spring Boot 4 yet.) A session is one document: its times, and its attributes (the security
 * context with the user's tokens, the saved request) serialized as one binary value. Expired sessions
 * are never answered and are removed when met, and by a TTL index on a real MongoDB.
 */
class MongoSessionRepository implements ReactiveSessionRepository<StoredSession> {

	private static final Logger log = LoggerFactory.getLogger(MongoSessionRepository.class);

	static final String COLLECTION = "sessions";

	/**
	 * How often a session nothing changed in has its last access written: a session is kept at least its time-out
	 * less this after its last request (29 of 30 minutes), and a page that changes nothing costs no write.
	 */
	static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

	private final ReactiveMongoTemplate mongo;

	private final Duration maxInactiveInterval;

	private final Clock clock;

	private final SerializingConverter serializer = new SerializingConverter();

	private final DeserializingConverter deserializer;

	MongoSessionRepository(ReactiveMongoTemplate mongo, Duration maxInactiveInterval, Clock clock) {
		this.mongo = mongo;
		this.maxInactiveInterval = maxInactiveInterval;
		this.clock = clock;
		this.deserializer = new DeserializingConverter(getClass().getClassLoader());
	}

	/** Asks for the TTL index on {@code expireAt}; where the store cannot, expired sessions go when met. */
	Mono<String> expireSessions() {
		return mongo.indexOps(COLLECTION).createIndex(new Index("expireAt", Sort.Direction.ASC).expire(Duration.ZERO))
			.onErrorResume(ex -> {
				log.info("No TTL index for {} ({}): expired sessions are removed when met", COLLECTION, ex.getMessage());
				return Mono.empty();
			});
	}

	@Override
	public Mono<StoredSession> createSession() {
		return Mono.fromSupplier(() -> {
			MapSession session = new MapSession();
			session.setMaxInactiveInterval(maxInactiveInterval);
			session.setCreationTime(clock.instant());
			session.setLastAccessedTime(clock.instant());
			return new StoredSession(session, null);
		});
	}

	/**
	 * Writes the whole session when it is new or something in it changed (under a new id after login, the old id
	 * removed first); otherwise moves only its times, once its last access is {@link #TOUCH_EVERY} past the stored
	 * one; otherwise writes nothing.
	 */
	@Override
	public Mono<Void> save(StoredSession session) {
		if (session.changed()) {
			String replaced = session.replacedId();
			Mono<Void> forgetOldId = replaced == null ? Mono.empty() : deleteById(replaced);
			return forgetOldId.then(mongo.save(toDocument(session.map()), COLLECTION)).doOnSuccess(saved -> session.stored())
				.then();
		}
		if (session.due(TOUCH_EVERY)) {
			Instant lastAccess = session.getLastAccessedTime();
			return mongo.updateFirst(Query.query(Criteria.where("_id").is(session.getId())),
					new Update().set("lastAccessedAt", Date.from(lastAccess))
						.set("expireAt", Date.from(lastAccess.plus(session.getMaxInactiveInterval()))),
					COLLECTION)
				.doOnSuccess(updated -> session.touched())
				.then();
		}
		return Mono.empty();
	}

	@Override
	public Mono<StoredSession> findById(String id) {
		return mongo.findById(id, Document.class, COLLECTION).flatMap(document -> {
			MapSession session = toSession(document);
			if (!clock.instant().isBefore(session.getLastAccessedTime().plus(session.getMaxInactiveInterval()))) {
				return deleteById(id).then(Mono.empty());
			}
			return Mono.just(new StoredSession(session, session.getLastAccessedTime()));
		});
	}

	@Override
	public Mono<Void> deleteById(String id) {
		return mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).then();
	}

	private Document toDocument(MapSession session) {
		Map<String, Object> attributes = new HashMap<>();
		session.getAttributeNames().forEach(name -> attributes.put(name, session.getAttribute(name)));
		Instant expireAt = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
		return new Document("_id", session.getId())
			.append("createdAt", Date.from(session.getCreationTime()))
			.append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
			.append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
			.append("expireAt", Date.from(expireAt))
			.append("attributes", new Binary(serializer.convert(attributes)));
	}

	@SuppressWarnings("unchecked")
	private MapSession toSession(Document document) {
		MapSession session = new MapSession(document.getString("_id"));
		session.setCreationTime(document.getDate("createdAt").toInstant());
		session.setLastAccessedTime(document.getDate("lastAccessedAt").toInstant());
		session.setMaxInactiveInterval(Duration.ofSeconds(((Number) document.get("maxInactiveSeconds")).longValue()));
		Binary attributes = document.get("attributes", Binary.class);
		if (attributes != null) {
			((Map<String, Object>) deserializer.convert(attributes.getData())).forEach(session::setAttribute);
		}
		return session;
	}
}
