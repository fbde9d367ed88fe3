package com.rapport.gateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * A session as this replica read or made it, knowing what changed since: its attributes (set or removed, as every
 * Spring Security repository does when it changes one: the security context at login, a refreshed token, a saved
 * request), its id, its time-out, and how far its last access moved from the stored one. So a request that changes
 * nothing costs no write: the repository stores the whole session only when something in it changed, and otherwise
 * only moves its times forward, at most once every {@link MongoSessionRepository#TOUCH_EVERY}.
 */
final class StoredSession implements Session {

	private final MapSession session;

	/** The last access the store holds, or null while the session was never stored. */
	private Instant storedLastAccess;

	/** The id the store holds it under, or null while it was never stored. */
	private String storedId;

	private boolean changed;

	StoredSession(MapSession session, Instant storedLastAccess) {
		this.session = session;
		this.storedLastAccess = storedLastAccess;
		this.storedId = storedLastAccess == null ? null : session.getId();
	}

	MapSession map() {
		return session;
	}

	/** Whether the whole session must be written: new, an attribute, the id or the time-out changed. */
	boolean changed() {
		return storedLastAccess == null || changed || !session.getId().equals(storedId);
	}

	/** The id the store holds under which this session is no more (a new id after login), or null. */
	String replacedId() {
		return storedId == null || storedId.equals(session.getId()) ? null : storedId;
	}

	/** Whether only its times must move: its last access is {@code every} or more past the stored one. */
	boolean due(Duration every) {
		return storedLastAccess != null && !session.getLastAccessedTime().isBefore(storedLastAccess.plus(every));
	}

	/** The store now holds this session as it is. */
	void stored() {
		storedLastAccess = session.getLastAccessedTime();
		storedId = session.getId();
		changed = false;
	}

	/** The store now holds this session's last access. */
	void touched() {
		storedLastAccess = session.getLastAccessedTime();
	}

	@Override
	public String getId() {
		return session.getId();
	}

	@Override
	public String changeSessionId() {
		changed = true;
		return session.changeSessionId();
	}

	@Override
	public <T> T getAttribute(String attributeName) {
		return session.getAttribute(attributeName);
	}

	@Override
	public Set<String> getAttributeNames() {
		return session.getAttributeNames();
	}

	@Override
	public void setAttribute(String attributeName, Object attributeValue) {
		changed = true;
		session.setAttribute(attributeName, attributeValue);
	}

	@Override
	public void removeAttribute(String attributeName) {
		changed |= session.getAttribute(attributeName) != null;
		session.removeAttribute(attributeName);
	}

	@Override
	public Instant getCreationTime() {
		return session.getCreationTime();
	}

	@Override
	public void setLastAccessedTime(Instant lastAccessedTime) {
		session.setLastAccessedTime(lastAccessedTime);
	}

	@Override
	public Instant getLastAccessedTime() {
		return session.getLastAccessedTime();
	}

	@Override
	public void setMaxInactiveInterval(Duration interval) {
		changed |= !Objects.equals(interval, session.getMaxInactiveInterval());
		session.setMaxInactiveInterval(interval);
	}

	@Override
	public Duration getMaxInactiveInterval() {
		return session.getMaxInactiveInterval();
	}

	@Override
	public boolean isExpired() {
		return session.isExpired();
	}
}
