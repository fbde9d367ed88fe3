package com.rapport.customer.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Keycloak's admin API in memory, for tests that must not reach a real Keycloak: users, the mails it would
 * send, and failed logins. {@link #down} makes every call unavailable, {@link #mailServerDown} only mailing.
 */
public class InMemoryKeycloakAdmin implements KeycloakAdmin {

	public final Map<String, KeycloakUser> users = new ConcurrentHashMap<>();

	/** The ids of the users each invitation mail went to, in order. */
	public final List<String> mails = new CopyOnWriteArrayList<>();

	public final List<LoginFailure> failures = new CopyOnWriteArrayList<>();

	public volatile boolean down;

	public volatile boolean mailServerDown;

	/** Calls of {@link #loginFailures}: {@code from} of each. */
	public final List<Instant> failureQueries = new CopyOnWriteArrayList<>();

	@Override
	public String createUser(NewUser user) {
		checkUp();
		if (users.values().stream()
			.anyMatch(u -> u.username().equals(user.username()) || u.email().equals(user.email()))) {
			throw new ConflictException(Message.of("invitation.email-taken", user.email()));
		}
		String id = UUID.randomUUID().toString();
		users.put(id, new KeycloakUser(id, user.username(), user.email(), true, user.customerId()));
		return id;
	}

	@Override
	public void sendInvitation(String userId) {
		checkUp();
		KeycloakUser user = users.get(userId);
		if (user == null) {
			throw new NotFoundException(Message.of("invitation.no-keycloak-user", userId));
		}
		if (!user.enabled()) {
			throw new ConflictException(Message.of("invitation.mail-refused", "User is disabled"));
		}
		if (mailServerDown) {
			throw new RemoteUnavailableException(MAIL_REMOTE, null);
		}
		mails.add(userId);
	}

	@Override
	public boolean disableUser(String userId) {
		checkUp();
		return users.computeIfPresent(userId,
				(id, u) -> new KeycloakUser(id, u.username(), u.email(), false, u.customerId())) != null;
	}

	@Override
	public void deleteUser(String userId) {
		checkUp();
		users.remove(userId);
	}

	@Override
	public Optional<KeycloakUser> findUserByUsername(String username) {
		checkUp();
		return users.values().stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst();
	}

	@Override
	public List<LoginFailure> loginFailures(Instant from, int first, int max) {
		checkUp();
		failureQueries.add(from);
		List<LoginFailure> matching = new ArrayList<>(failures.stream().filter(f -> !f.time().isBefore(from))
			.sorted(Comparator.comparing(LoginFailure::time)).toList());
		return matching.subList(Math.min(first, matching.size()), Math.min(first + max, matching.size()));
	}

	/** Adds a user as if made elsewhere (the demo realm, an admin console). */
	public KeycloakUser addUser(String username, String customerId) {
		String id = UUID.randomUUID().toString();
		KeycloakUser user = new KeycloakUser(id, username, username + "@example.com", true, customerId);
		users.put(id, user);
		return user;
	}

	public void reset() {
		users.clear();
		mails.clear();
		failures.clear();
		failureQueries.clear();
		down = false;
		mailServerDown = false;
	}

	private void checkUp() {
		if (down) {
			throw new RemoteUnavailableException(REMOTE, null);
		}
	}

	/** Replaces the real client in a Spring test: {@code @Import(InMemoryKeycloakAdmin.Configuration.class)}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		InMemoryKeycloakAdmin inMemoryKeycloakAdmin() {
			return new InMemoryKeycloakAdmin();
		}
	}
}
