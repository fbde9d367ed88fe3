package com.rapport.ordertracking.notification;

/**
 * A contact of an organisation as the notifier needs it; {@code channel} is the contact's preferred one
 * ({@code EMAIL}, {@code SMS}, {@code PORTAL}), {@code language} {@code en} or {@code zh-CN}, either may be empty.
 */
public record NotificationContact(String id, String name, String email, String language, String timeZone,
		String channel) {

	/** Whether this contact wants and can get an email: email preferred (the default) and an address given. */
	boolean wantsEmail() {
		return (channel == null || channel.isBlank() || "EMAIL".equals(channel)) && email != null && !email.isBlank();
	}
}
