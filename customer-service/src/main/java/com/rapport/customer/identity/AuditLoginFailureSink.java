package com.rapport.customer.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.support.audit.AuditEvent;
import com.rapport.support.audit.AuditTrail;

import org.springframework.stereotype.Component;

/**
 * Puts each failed login Keycloak reports on customer-service's audit trail, as {@code login.failed} by the
 * user name that was typed, from the client and address Keycloak saw, at Keycloak's time.
 */
@Component
class AuditLoginFailureSink implements LoginFailureSink {

	static final String UNKNOWN_USER = "unknown";

	private final AuditTrail audit;

	AuditLoginFailureSink(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public void accept(LoginFailure failure) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("error", orEmpty(failure.error()));
		if (failure.eventId() != null) {
			details.put("keycloak_event", failure.eventId());
		}
		String actor = failure.username() == null || failure.username().isBlank() ? UNKNOWN_USER : failure.username();
		audit.record(new AuditEvent(actor, List.of(), orEmpty(failure.clientId()), orEmpty(failure.ipAddress()),
				failure.time(), "login.failed", "login", failure.userId() == null ? actor : failure.userId(), "",
				details));
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
