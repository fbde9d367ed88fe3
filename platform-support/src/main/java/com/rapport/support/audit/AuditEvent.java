package com.rapport.support.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.rapport.support.security.Caller;

/**
 * One change to record: who made it ({@code actor}, their roles, the OAuth {@code client} their token was
 * issued to, the network {@code address} they came from), when, what ({@code action}, such as
 * {@code contact.updated}) and to which record. Absent texts are empty, roles sorted, details sorted by key.
 * {@code at} is null until the trail stores the event; stored, it has millisecond precision (what MongoDB
 * keeps).
 */
public record AuditEvent(String actor, List<String> actorRoles, String client, String address, Instant at,
		String action, String recordType, String recordId, String organisationId, Map<String, String> details) {

	/** The actor of a change made while nobody was signed in. */
	public static final String SYSTEM = "system";

	/** Keys a secret would hide under; refused, so that a token or password never lands in the trail. */
	private static final Pattern SECRET_KEY = Pattern
		.compile("(?i).*(password|secret|token|authorization|credential).*");

	public AuditEvent {
		actor = actor == null || actor.isBlank() ? SYSTEM : actor;
		actorRoles = actorRoles == null ? List.of() : actorRoles.stream().sorted().toList();
		client = emptyIfNull(client);
		address = emptyIfNull(address);
		at = at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
		if (action == null || action.isBlank()) {
			throw new IllegalArgumentException("An audit event needs an action");
		}
		recordType = emptyIfNull(recordType);
		recordId = emptyIfNull(recordId);
		organisationId = emptyIfNull(organisationId);
		details = checked(details);
	}

	/** A change by this caller, from the address of the current request or call. */
	public static AuditEvent by(Caller caller, String action, String recordType, String recordId,
			String organisationId, Map<String, String> details) {
		return new AuditEvent(caller.name(), List.copyOf(caller.roles()), caller.client(),
				ClientAddress.current().orElse(""), null, action, recordType, recordId, organisationId, details);
	}

	/** A change by the caller of the current request or call, or by {@value #SYSTEM} when there is none. */
	public static AuditEvent ofCurrentCall(String action, String recordType, String recordId, String organisationId,
			Map<String, String> details) {
		return Caller.currentIfAny()
			.map(caller -> by(caller, action, recordType, recordId, organisationId, details))
			.orElseGet(() -> new AuditEvent(SYSTEM, List.of(), "", ClientAddress.current().orElse(""), null, action,
					recordType, recordId, organisationId, details));
	}

	/** The same event, at this time. */
	public AuditEvent stampedAt(Instant when) {
		return new AuditEvent(actor, actorRoles, client, address, when, action, recordType, recordId, organisationId,
				details);
	}

	private static String emptyIfNull(String value) {
		return value == null ? "" : value;
	}

	/** Keys become MongoDB field names: no dots, no leading {@code $}. */
	private static Map<String, String> checked(Map<String, String> details) {
		if (details == null || details.isEmpty()) {
			return Map.of();
		}
		TreeMap<String, String> sorted = new TreeMap<>();
		details.forEach((key, value) -> {
			if (key == null || key.isBlank() || key.contains(".") || key.startsWith("$")) {
				throw new IllegalArgumentException("Invalid audit detail key: " + key);
			}
			if (SECRET_KEY.matcher(key).matches()) {
				throw new IllegalArgumentException("Audit details never hold secrets: " + key);
			}
			sorted.put(key, emptyIfNull(value));
		});
		return Collections.unmodifiableSortedMap(sorted);
	}
}
