package com.rapport.customer.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What customer-service does in Keycloak's admin API, with its own service account (realm-management roles
 * {@code manage-users}, {@code view-users}, {@code query-users}, {@code view-events}). Keycloak not
 * answering is a {@link com.rapport.support.error.RemoteUnavailableException} from every method.
 */
public interface KeycloakAdmin {

	/** The remote's name in {@link com.rapport.support.error.RemoteUnavailableException} and its circuit breaker. */
	String REMOTE = "keycloak";

	/**
	 * Keycloak's mail server, behind {@link #sendInvitation}: a breaker of its own, so that a mail outage does
	 * not stop logins from being made or disabled.
	 */
	String MAIL_REMOTE = "keycloak-mail";

	/**
	 * Creates an enabled user who must set a password first (required action {@code UPDATE_PASSWORD}), with
	 * the attribute {@code customer_id} and in the customers' group; answers its id. A user name or email
	 * Keycloak already has is a {@link com.rapport.support.error.ConflictException}, a value it refuses an
	 * {@link com.rapport.support.error.UnprocessableException} naming the contact's field.
	 */
	String createUser(NewUser user);

	/**
	 * Has Keycloak mail the user the link to set a password, leading to the portal afterwards. An unknown
	 * user is a {@link com.rapport.support.error.NotFoundException}; a disabled user or a refused link a
	 * {@link com.rapport.support.error.ConflictException}; a mail server that fails is unavailability of
	 * {@value #MAIL_REMOTE}.
	 */
	void sendInvitation(String userId);

	/** Disables the user (its sessions end at their next refresh); false when there is no such user. */
	boolean disableUser(String userId);

	/** Deletes the user; a user that is already gone is fine. */
	void deleteUser(String userId);

	/** The user of exactly this user name (any case), if any. */
	Optional<KeycloakUser> findUserByUsername(String username);

	/** The failed logins ({@code LOGIN_ERROR}) at or after {@code from}, oldest first, a page of them. */
	List<LoginFailure> loginFailures(Instant from, int first, int max);

	/** A user to create; {@code customerId} is the organisation's id, which the tokens carry. */
	record NewUser(String username, String email, String firstName, String lastName, String customerId) {
	}

	/** A user as Keycloak has it; {@code customerId} is null for staff. */
	record KeycloakUser(String id, String username, String email, boolean enabled, String customerId) {
	}
}
