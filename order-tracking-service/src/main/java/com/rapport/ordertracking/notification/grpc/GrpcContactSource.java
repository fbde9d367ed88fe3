package com.rapport.ordertracking.notification.grpc;

import java.util.List;

import com.rapport.ordertracking.notification.ContactSource;
import com.rapport.ordertracking.notification.NotificationContact;
import com.rapport.support.customer.grpc.NotificationContactsClient;
import com.rapport.support.customer.grpc.NotificationContactsClientConfiguration;

import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;

/** customer-service's contacts of an organisation, through platform-support's {@link NotificationContactsClient}. */
@Component
@Import(NotificationContactsClientConfiguration.class)
class GrpcContactSource implements ContactSource {

	private final NotificationContactsClient contacts;

	GrpcContactSource(NotificationContactsClient contacts) {
		this.contacts = contacts;
	}

	@Override
	public List<NotificationContact> contactsOf(String organisationId) {
		return contacts.contactsOf(organisationId).stream().map(c -> new NotificationContact(c.getId(), c.getName(),
				c.getEmail(), c.getLanguage(), c.getTimeZone(), c.getPreferredChannel().name().replace("PREFERRED_CHANNEL_", ""), c.getLogin(),
				c.getPhone()))
			.toList();
	}
}
