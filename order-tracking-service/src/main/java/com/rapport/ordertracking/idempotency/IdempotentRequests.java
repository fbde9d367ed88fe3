package com.rapport.ordertracking.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key} rule of every partner write, after the IETF draft
 * (draft-ietf-httpapi-idempotency-key-header): the first request with a key runs and its answer is kept for 24
 * hours; the same key with the same request (method, path and body as read) answers that answer again, with
 * {@code Idempotent-Replayed: true}; with another request {@code 422}; while the first is still running
 * {@code 409}. A request that fails answers its error and keeps nothing, so the key can be used again. Each
 * step is one conditional write on the key's own document, so two replicas cannot both run one key.
 */
@Component
public class IdempotentRequests {

	/** How long an answer is replayed. */
	public static final Duration RETENTION = Duration.ofHours(24);

	/** How long a request may hold its key before another may take it over (a replica died mid-way). */
	static final Duration LEASE = Duration.ofMinutes(1);

	public static final String REPLAYED = "Idempotent-Replayed";

	private final MongoTemplate mongo;

	private final JsonMapper json;

	private final Clock clock;

	IdempotentRequests(MongoTemplate mongo, JsonMapper json, Clock clock) {
		this.mongo = mongo;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Runs {@code action} once for {@code key} of {@code caller}, or answers what it answered the first time. Without
	 * a key it just runs. {@code request} is what makes two requests the same: the method and path with the body as
	 * read.
	 */
	public ResponseEntity<?> run(String caller, String key, String request, Supplier<ResponseEntity<?>> action) {
		if (key == null) {
			return action.get();
		}
		String id = caller + "\n" + key;
		String fingerprint = sha256(request);
		String owner = UUID.randomUUID().toString();
		for (int attempt = 0; attempt < 5; attempt++) {
			Instant now = clock.instant();
			try {
				claim(new IdempotencyRecord(id, fingerprint, IdempotencyRecord.State.IN_FLIGHT, owner,
						now.plus(LEASE), null, null, null, now, now.plus(RETENTION)));
				return runAndKeep(id, owner, action);
			}
			catch (DuplicateKeyException taken) {
				IdempotencyRecord earlier = mongo.findById(id, IdempotencyRecord.class);
				if (earlier == null) {
					continue; // removed meanwhile: try again
				}
				if (!earlier.expiresAt().isAfter(now)) {
					mongo.remove(Query.query(Criteria.where("_id").is(id).and("expiresAt").is(earlier.expiresAt())),
							IdempotencyRecord.class);
					continue;
				}
				if (!earlier.fingerprint().equals(fingerprint)) {
					throw UnprocessableException.field(Message.of("idempotency.key-reused"), "Idempotency-Key",
							Message.of("idempotency.other-request"));
				}
				if (earlier.state() == IdempotencyRecord.State.DONE) {
					return replay(earlier);
				}
				if (earlier.leaseUntil().isAfter(now)) {
					throw new ConflictException(Message.of("idempotency.in-flight"));
				}
				if (takeOver(earlier, owner, now)) {
					return runAndKeep(id, owner, action);
				}
			}
		}
		throw new ConflictException(Message.of("idempotency.in-flight"));
	}

	/**
	 * Takes the key without waiting for the store's sync ({@code j: false}): a claim needs no durability of its own.
	 * The request's own write (synced) commits it with everything before it, and a claim a crash loses before that
	 * held nothing done, so the retry runs as the first would have. One sync less per partner write.
	 */
	private void claim(IdempotencyRecord record) {
		Document document = new Document();
		mongo.getConverter().write(record, document);
		MongoCollection<Document> keys = mongo.getCollection(mongo.getCollectionName(IdempotencyRecord.class));
		try {
			keys.withWriteConcern(keys.getWriteConcern().withJournal(false)).insertOne(document);
		}
		catch (RuntimeException ex) {
			RuntimeException translated = mongo.getExceptionTranslator().translateExceptionIfPossible(ex);
			throw translated != null ? translated : ex;
		}
	}

	private ResponseEntity<?> runAndKeep(String id, String owner, Supplier<ResponseEntity<?>> action) {
		ResponseEntity<?> answer;
		try {
			answer = action.get();
		}
		catch (RuntimeException ex) {
			mongo.remove(mine(id, owner), IdempotencyRecord.class);
			throw ex;
		}
		String body = answer.getBody() == null ? null : json.writeValueAsString(answer.getBody());
		URI location = answer.getHeaders().getLocation();
		mongo.updateFirst(mine(id, owner), new Update().set("state", IdempotencyRecord.State.DONE)
			.set("status", answer.getStatusCode().value()).set("location", location == null ? null : location.toString())
			.set("body", body), IdempotencyRecord.class);
		return answer;
	}

	private boolean takeOver(IdempotencyRecord earlier, String owner, Instant now) {
		Query stale = Query.query(Criteria.where("_id").is(earlier.id()).and("state")
			.is(IdempotencyRecord.State.IN_FLIGHT).and("owner").is(earlier.owner()));
		return mongo.updateFirst(stale, new Update().set("owner", owner).set("leaseUntil", now.plus(LEASE)),
				IdempotencyRecord.class).getModifiedCount() == 1;
	}

	private static Query mine(String id, String owner) {
		return Query.query(Criteria.where("_id").is(id).and("owner").is(owner)
			.and("state").is(IdempotencyRecord.State.IN_FLIGHT));
	}

	private static ResponseEntity<?> replay(IdempotencyRecord earlier) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(earlier.status()).header(REPLAYED, "true");
		if (earlier.location() != null) {
			answer.header(HttpHeaders.LOCATION, earlier.location());
		}
		if (earlier.body() == null) {
			return answer.build();
		}
		return answer.contentType(MediaType.APPLICATION_JSON).body(earlier.body());
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
