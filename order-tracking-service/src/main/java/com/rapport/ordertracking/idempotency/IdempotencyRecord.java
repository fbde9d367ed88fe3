package com.rapport.ordertracking.idempotency;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One {@code Idempotency-Key} of one caller ({@code _id} is both, so a second request with the key finds the first
 * by the unique id): the fingerprint of the request it came with, whether its answer is known yet, and the answer.
 * {@code owner} names the request working on it while {@code IN_FLIGHT}, until {@code leaseUntil}: a request that
 * dies mid-way frees the key then. Removed 24 hours after it was first used ({@code expiresAt}, a TTL index).
 */
@Document("idempotency_keys")
record IdempotencyRecord(@Id String id, String fingerprint, State state, String owner, Instant leaseUntil,
		Integer status, String location, String body, Instant createdAt,
		@Indexed(name = "expires", expireAfter = "0s") Instant expiresAt) {

	enum State {
		IN_FLIGHT, DONE
	}
}
