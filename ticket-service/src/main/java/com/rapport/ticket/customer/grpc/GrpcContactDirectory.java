package com.rapport.ticket.customer.grpc;

import java.util.List;
import java.util.Optional;

import com.rapport.contracts.customer.v1.ContactServiceGrpc;
import com.rapport.contracts.customer.v1.FindContactsByEmailRequest;
import com.rapport.contracts.customer.v1.NotificationContact;
import com.rapport.contracts.customer.v1.PreferredChannel;
import com.rapport.support.customer.grpc.NotificationContactsClient;
import com.rapport.support.customer.grpc.NotificationContactsClientConfiguration;
import com.rapport.support.customer.grpc.OrganisationSummaryClient;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;
import com.rapport.ticket.customer.ContactDirectory;

import org.springframework.context.annotation.Import;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * Asks customer-service's {@code ContactService} as this service (its own client-credentials token, role internal):
 * {@code FindContactsByEmail} for a mail's sender, {@code ListNotificationContacts} (platform-support's
 * {@link NotificationContactsClient}) for a requester's language, time zone and channel; both on channel
 * {@code customer-service} through its circuit breaker, retried once as reads.
 */
@Component
@Import(NotificationContactsClientConfiguration.class)
class GrpcContactDirectory implements ContactDirectory {

	private final ContactServiceGrpc.ContactServiceBlockingStub stub;

	private final NotificationContactsClient notificationContacts;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	GrpcContactDirectory(GrpcChannelFactory channels, NotificationContactsClient notificationContacts,
			RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = ContactServiceGrpc.newBlockingStub(channels.createChannel(OrganisationSummaryClient.REMOTE));
		this.notificationContacts = notificationContacts;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	@Override
	public List<KnownContact> contactsByEmail(String email) {
		return remoteCalls.read(OrganisationSummaryClient.REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.findContactsByEmail(FindContactsByEmailRequest.newBuilder().setEmail(email).build()))
			.getContactsList().stream().map(found -> known(found.getOrganisationId(), found.getContact())).toList();
	}

	@Override
	public Optional<KnownContact> contact(String organisationId, String contactId, String email) {
		List<NotificationContact> contacts;
		try {
			contacts = notificationContacts.contactsOf(organisationId);
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
		Optional<NotificationContact> byId = contacts.stream()
			.filter(c -> contactId != null && contactId.equals(c.getId())).findFirst();
		Optional<NotificationContact> found = byId.isPresent() ? byId : contacts.stream()
			.filter(c -> email != null && !c.getEmail().isBlank() && c.getEmail().strip().equalsIgnoreCase(email.strip()))
			.findFirst();
		return found.map(c -> known(organisationId, c));
	}

	private static KnownContact known(String organisationId, NotificationContact contact) {
		return new KnownContact(organisationId, contact.getId(), contact.getName(), contact.getEmail(),
				contact.getLanguage(), contact.getTimeZone(),
				contact.getPreferredChannel() == PreferredChannel.PREFERRED_CHANNEL_EMAIL);
	}
}
