package com.rapport.ordertracking.notification;

/**
 * A contact of an organisation as the notifier needs it; {@code channel} is the contact's preferred one
 * ({@code EMAIL}, {@code SMS}, {@code PORTAL}), {@code language} {@code en} or {@code zh-CN}, either may be empty;
 * {@code login} the contact's portal user name in lower case, empty or null when it has none; {@code phone} its
 * phone number as customer-service keeps it, empty or null when none (SMS cannot reach it).
 */
public record NotificationContact(String id, String name, String email, String language, String timeZone,
		String channel, String login, String phone) {

	/** A contact without a phone number. */
	public NotificationContact(String id, String name, String email, String language, String timeZone,
			String channel, String login) {
		this(id, name, email, language, timeZone, channel, login, null);
	}

	/** A contact without a portal login. */
	public NotificationContact(String id, String name, String email, String language, String timeZone,
			String channel) {
		this(id, name, email, language, timeZone, channel, null, null);
	}

	/** Whether the contact's preferred channel is SMS. */
	public boolean prefersSms() {
		return "SMS".equals(channel);
	}

	/** Whether an SMS can reach this contact (a number with at least six digits). */
	public boolean hasPhone() {
		return phone != null && phone.replaceAll("[^0-9]", "").length() >= 6;
	}

	/** Whether the contact's preferred channel is email (the default when none is given). */
	boolean prefersEmail() {
		return channel == null || channel.isBlank() || "EMAIL".equals(channel);
	}

	/** Whether an email can reach this contact. */
	boolean hasEmail() {
		return email != null && !email.isBlank();
	}

	/** Whether this is the contact of the portal login {@code userName} (Keycloak lower-cases user names). */
	boolean isLogin(String userName) {
		return login != null && !login.isBlank() && login.equalsIgnoreCase(userName);
	}
}
