package com.rapport.customer.organisation;

import java.time.Instant;

/**
 * The portal login an admin gave a contact by invitation: the Keycloak user's id, when and by whom it was
 * made, and when the invitation mail was last handed to the mail server ({@code mailedAt}; {@code null}
 * while sending has failed, so that the console can offer to send it again).
 */
public record Invitation(String keycloakUserId, Instant invitedAt, String invitedBy, Instant mailedAt) {

	public Invitation mailed(Instant at) {
		return new Invitation(keycloakUserId, invitedAt, invitedBy, at);
	}
}
