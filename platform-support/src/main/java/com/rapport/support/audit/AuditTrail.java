package com.rapport.support.audit;

import java.util.Map;

import com.rapport.support.security.Caller;

/**
 * Where a service records every change a person or partner makes: create, update, reply, close, export,
 * erase, configuration. Record after the change succeeded, so that a refused change leaves no entry, and
 * never the service's own background work. Details name what changed (field names, a reason), never
 * personal values, tokens or passwords: the trail must not become a second copy of personal data that an
 * erasure would miss.
 */
public interface AuditTrail {

	/** Records an event whose actor, client, address and time were told by someone else (Keycloak events). */
	void record(AuditEvent event);

	/** Records a change by this caller, from the address of the current request or call. */
	default void record(Caller caller, String action, String recordType, String recordId, String organisationId,
			Map<String, String> details) {
		record(AuditEvent.by(caller, action, recordType, recordId, organisationId, details));
	}

	/** Records a change by the caller of the current request or call; {@value AuditEvent#SYSTEM} when there is none. */
	default void record(String action, String recordType, String recordId, String organisationId,
			Map<String, String> details) {
		record(AuditEvent.ofCurrentCall(action, recordType, recordId, organisationId, details));
	}
}
