package com.rapport.feedback.invitation.grpc;

import java.util.List;

import com.rapport.feedback.invitation.ContactDirectory;
import com.rapport.feedback.invitation.InvitedContact;
import com.rapport.support.customer.grpc.NotificationContactsClient;
import com.rapport.support.customer.grpc.NotificationContactsClientConfiguration;

import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;

/** customer-service's contacts of an organisation, through platform-support's {@link NotificationContactsClient}. */
@Component
@Import(NotificationContactsClientConfiguration.class)
class GrpcContactDirectory implements ContactDirectory {

	private final NotificationContactsClient contacts;

	GrpcContactDirectory(NotificationContactsClient contacts) {
		this.contacts = contacts;
	}

	@Override
	public List<InvitedContact> contactsOf(String organisationId) {
		return contacts.contactsOf(organisationId).stream()
			.map(c -> new InvitedContact(c.getId(), c.getName(), c.getEmail(), c.getLanguage(), c.getSurveyConsent(),
					c.getPreferredChannel().name().replace("PREFERRED_CHANNEL_", "").replace("UNSPECIFIED", "EMAIL")))
			.toList();
	}
}
