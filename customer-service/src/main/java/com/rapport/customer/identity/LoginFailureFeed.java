package com.rapport.customer.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Reads Keycloak's failed logins since a cursor kept in this service's database (collection
 * {@value #COLLECTION}) and hands each new one to the {@link LoginFailureSink}, oldest first. Keycloak's
 * {@code dateFrom} includes its own millisecond, so the cursor keeps the events already handed at its time
 * and they are not handed twice. Run on one replica at a time (see {@link LoginFailureFeedConfiguration}).
 */
public class LoginFailureFeed {

	static final String COLLECTION = "identity_cursors";

	static final String CURSOR_ID = "keycloak-login-failures";

	private final KeycloakAdmin keycloak;

	private final LoginFailureSink sink;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final IdentityProperties.LoginFailureSettings settings;

	public LoginFailureFeed(KeycloakAdmin keycloak, LoginFailureSink sink, MongoTemplate mongo, Clock clock,
			IdentityProperties.LoginFailureSettings settings) {
		this.keycloak = keycloak;
		this.sink = sink;
		this.mongo = mongo;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Hands on what is new and answers how many. The cursor is stored after each page and when anything
	 * fails (Keycloak or the sink), so the next run goes on from the last failure handed.
	 */
	public int poll() {
		Cursor stored = mongo.findById(CURSOR_ID, Cursor.class, COLLECTION);
		Cursor cursor = stored != null ? stored
				: new Cursor(CURSOR_ID, clock.instant().minus(settings.startLookback()), List.of());
		Instant from = cursor.time(); // fixed for the run: the pages are offsets into one ordered answer
		int handed = 0;
		int first = 0;
		try {
			while (handed < settings.maxPerRun()) {
				List<LoginFailure> page = keycloak.loginFailures(from, first, settings.pageSize());
				for (LoginFailure failure : page) {
					if (!cursor.handed(failure)) {
						sink.accept(failure);
						cursor = cursor.after(failure);
						handed++;
					}
				}
				cursor = saved(cursor, stored);
				stored = cursor;
				if (page.size() < settings.pageSize()) {
					break;
				}
				first += page.size();
			}
		}
		finally {
			saved(cursor, stored);
		}
		return handed;
	}

	private Cursor saved(Cursor cursor, Cursor stored) {
		return cursor.equals(stored) ? cursor : mongo.save(cursor, COLLECTION);
	}

	/** How far the feed has read: the time of the last event handed, and the events handed at that time. */
	@Document(COLLECTION)
	record Cursor(@Id String id, Instant time, List<String> handedAtTime) {

		Cursor {
			handedAtTime = handedAtTime == null ? List.of() : List.copyOf(handedAtTime);
		}

		boolean handed(LoginFailure failure) {
			return failure.time().isBefore(time)
					|| failure.time().equals(time) && handedAtTime.contains(failure.key());
		}

		Cursor after(LoginFailure failure) {
			if (failure.time().isAfter(time)) {
				return new Cursor(id, failure.time(), List.of(failure.key()));
			}
			List<String> keys = new ArrayList<>(handedAtTime);
			keys.add(failure.key());
			return new Cursor(id, time, keys);
		}
	}
}
