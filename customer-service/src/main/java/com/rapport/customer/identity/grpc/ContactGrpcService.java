package com.rapport.customer.identity.grpc;

import static com.rapport.customer.organisation.grpc.OrganisationMessages.toProto;

import com.google.protobuf.Empty;
import com.rapport.contracts.customer.v1.AddContactRequest;
import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.ContactByEmail;
import com.rapport.contracts.customer.v1.ContactServiceGrpc;
import com.rapport.contracts.customer.v1.FindContactsByEmailRequest;
import com.rapport.contracts.customer.v1.FindContactsByEmailResponse;
import com.rapport.contracts.customer.v1.GetMyContactRequest;
import com.rapport.contracts.customer.v1.InviteContactRequest;
import com.rapport.contracts.customer.v1.ListNotificationContactsRequest;
import com.rapport.contracts.customer.v1.ListNotificationContactsResponse;
import com.rapport.contracts.customer.v1.NotificationContact;
import com.rapport.contracts.customer.v1.PreferredChannel;
import com.rapport.contracts.customer.v1.RemoveContactRequest;
import com.rapport.contracts.customer.v1.ResendInvitationRequest;
import com.rapport.contracts.customer.v1.UpdateContactRequest;
import com.rapport.contracts.customer.v1.UpdateMyPreferencesRequest;
import com.rapport.customer.identity.InvitationService;
import com.rapport.customer.organisation.ContactService;
import com.rapport.customer.organisation.CustomerAccess;
import com.rapport.customer.organisation.MyContactService;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.security.access.AccessDeniedException;

import org.springframework.grpc.server.service.GrpcService;

/**
 * {@code rapport.customer.v1.ContactService}: the signed-in contact's own record (the portal), contacts as
 * staff edit them and their portal logins as admins manage them (the console), and who to notify as the other
 * services read it.
 */
@GrpcService
class ContactGrpcService extends ContactServiceGrpc.ContactServiceImplBase {

	private final ContactService contacts;

	private final MyContactService myContact;

	private final InvitationService invitations;

	ContactGrpcService(ContactService contacts, MyContactService myContact, InvitationService invitations) {
		this.contacts = contacts;
		this.myContact = myContact;
		this.invitations = invitations;
	}

	@Override
	public void getMyContact(GetMyContactRequest request, StreamObserver<Contact> response) {
		response.onNext(toProto(myContact.myContact(Caller.current()), false));
		response.onCompleted();
	}

	@Override
	public void updateMyPreferences(UpdateMyPreferencesRequest request, StreamObserver<Contact> response) {
		response.onNext(toProto(myContact.updateMyPreferences(Caller.current(), ContactMessages.toInput(request)),
				false));
		response.onCompleted();
	}

	@Override
	public void addContact(AddContactRequest request, StreamObserver<Contact> response) {
		Caller caller = CustomerAccess.requireStaff(Caller.current());
		response.onNext(toProto(contacts.addContact(caller, request.getOrganisationId(),
				ContactMessages.toNewInput(request.getFields())), true));
		response.onCompleted();
	}

	@Override
	public void updateContact(UpdateContactRequest request, StreamObserver<Contact> response) {
		Caller caller = CustomerAccess.requireStaff(Caller.current());
		response.onNext(toProto(contacts.updateContact(caller, request.getOrganisationId(), request.getContactId(),
				ContactMessages.toInput(request.getFields())), true));
		response.onCompleted();
	}

	/** The other services' narrow read of who to notify; refused to everyone else before any look-up. */
	@Override
	public void listNotificationContacts(ListNotificationContactsRequest request,
			StreamObserver<ListNotificationContactsResponse> response) {
		Caller caller = Caller.current();
		if (!CustomerAccess.isInternal(caller)) {
			throw new AccessDeniedException("Notification contacts are for the other services");
		}
		ListNotificationContactsResponse.Builder answer = ListNotificationContactsResponse.newBuilder();
		contacts.contacts(caller, request.getOrganisationId())
			.forEach(contact -> answer.addContacts(notificationContact(contact)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	/** ticket-service's look-up of who wrote to the support mailbox; refused to everyone else before any look-up. */
	@Override
	public void findContactsByEmail(FindContactsByEmailRequest request,
			StreamObserver<FindContactsByEmailResponse> response) {
		FindContactsByEmailResponse.Builder answer = FindContactsByEmailResponse.newBuilder();
		contacts.contactsByEmail(Caller.current(), request.getEmail()).forEach(found -> answer
			.addContacts(ContactByEmail.newBuilder().setOrganisationId(found.organisationId())
				.setContact(notificationContact(found.contact()))));
		response.onNext(answer.build());
		response.onCompleted();
	}

	private static NotificationContact notificationContact(com.rapport.customer.organisation.Contact contact) {
		return NotificationContact.newBuilder().setId(contact.id()).setName(text(contact.name()))
			.setEmail(text(contact.email())).setLanguage(text(contact.language()))
			.setTimeZone(text(contact.timeZone())).setSurveyConsent(contact.surveyConsent())
			.setPhone(text(contact.phone())).setLogin(contact.username() == null ? "" : contact.username().toLowerCase(java.util.Locale.ROOT))
			.setPreferredChannel(PreferredChannel.valueOf("PREFERRED_CHANNEL_" + contact.preferredChannel().name()))
			.build();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	@Override
	public void inviteContact(InviteContactRequest request, StreamObserver<Contact> response) {
		response.onNext(toProto(invitations.invite(Caller.current(), request.getOrganisationId(),
				request.getContactId()), true));
		response.onCompleted();
	}

	@Override
	public void resendInvitation(ResendInvitationRequest request, StreamObserver<Contact> response) {
		response.onNext(toProto(invitations.resend(Caller.current(), request.getOrganisationId(),
				request.getContactId()), true));
		response.onCompleted();
	}

	/** Admins only over gRPC (the console), while REST lets every contact writer remove. */
	@Override
	public void removeContact(RemoveContactRequest request, StreamObserver<Empty> response) {
		Caller caller = Caller.current();
		InvitationService.requireAdmin(caller);
		invitations.removeContact(caller, request.getOrganisationId(), request.getContactId());
		response.onNext(Empty.getDefaultInstance());
		response.onCompleted();
	}
}
