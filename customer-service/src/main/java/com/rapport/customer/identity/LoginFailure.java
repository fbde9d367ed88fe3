package com.rapport.customer.identity;

import java.time.Instant;

/**
 * A failed login as Keycloak recorded it ({@code LOGIN_ERROR}).
 *
 * @param eventId   Keycloak's id of the event
 * @param time      when it happened (Keycloak keeps milliseconds)
 * @param username  the user name typed, as Keycloak reports it; may be null
 * @param userId    the Keycloak user's id when the name belongs to a user, else null
 * @param clientId  the client the login was for, such as {@code rapport-gateway}
 * @param ipAddress where the attempt came from
 * @param error     Keycloak's reason, such as {@code invalid_user_credentials} or {@code user_disabled}
 */
public record LoginFailure(String eventId, Instant time, String username, String userId, String clientId,
		String ipAddress, String error) {

	/** Tells two events apart; Keycloak's id where it gives one. */
	String key() {
		return eventId != null ? eventId
				: String.join("|", String.valueOf(time.toEpochMilli()), String.valueOf(userId),
						String.valueOf(username), String.valueOf(ipAddress), String.valueOf(clientId),
						String.valueOf(error));
	}
}
