package com.rapport.ordertracking.notification;

import java.util.List;

/** Where an organisation's contacts come from: customer-service, the source of truth. */
public interface ContactSource {

	/**
	 * The organisation's contacts now. {@link com.rapport.support.error.NotFoundException} for an organisation
	 * customer-service does not know, {@link com.rapport.support.error.RemoteUnavailableException} when it cannot be
	 * asked.
	 */
	List<NotificationContact> contactsOf(String organisationId);
}
