package com.rapport.portal.remote;

import java.util.concurrent.TimeUnit;

import com.rapport.contracts.customer.v1.AddContactRequest;
import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.ContactFields;
import com.rapport.contracts.customer.v1.ContactServiceGrpc.ContactServiceBlockingStub;
import com.rapport.contracts.customer.v1.GetMyContactRequest;
import com.rapport.contracts.customer.v1.InviteContactRequest;
import com.rapport.contracts.customer.v1.RemoveContactRequest;
import com.rapport.contracts.customer.v1.ResendInvitationRequest;
import com.rapport.contracts.customer.v1.UpdateContactRequest;
import com.rapport.contracts.customer.v1.UpdateMyPreferencesRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** Contacts in customer-service: the signed-in contact's own record, the staff's editing and the admins' portal logins. */
@Component
public class ContactClient {

	/** Changes of a portal login wait for Keycloak and its mail server. */
	static final long LOGIN_CHANGE_DEADLINE_SECONDS = 15;

	private final ContactServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	ContactClient(ContactServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** The signed-in contact's own record. */
	public Contact myContact() {
		return remoteCalls.read(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getMyContact(GetMyContactRequest.getDefaultInstance()));
	}

	/** Changes the signed-in contact's own preferences; answers the updated record. */
	public Contact updateMyPreferences(UpdateMyPreferencesRequest preferences) {
		return remoteCalls.write(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.updateMyPreferences(preferences));
	}

	public Contact addContact(String organisationId, ContactFields fields) {
		return remoteCalls.write(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.addContact(AddContactRequest.newBuilder().setOrganisationId(organisationId).setFields(fields).build()));
	}

	public Contact updateContact(String organisationId, String contactId, ContactFields fields) {
		return remoteCalls.write(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.updateContact(UpdateContactRequest.newBuilder().setOrganisationId(organisationId).setContactId(contactId)
				.setFields(fields).build()));
	}

	/**
	 * Gives the contact a portal login and has the invitation mailed (admins). Keycloak creates the user and
	 * hands the mail to the mail server within the call, so it may take longer than a read.
	 */
	public Contact inviteContact(String organisationId, String contactId) {
		return remoteCalls.write(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.withDeadlineAfter(LOGIN_CHANGE_DEADLINE_SECONDS, TimeUnit.SECONDS)
			.inviteContact(InviteContactRequest.newBuilder().setOrganisationId(organisationId)
				.setContactId(contactId).build()));
	}

	/** Mails an invited contact's invitation again (admins). */
	public Contact resendInvitation(String organisationId, String contactId) {
		return remoteCalls.write(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.withDeadlineAfter(LOGIN_CHANGE_DEADLINE_SECONDS, TimeUnit.SECONDS)
			.resendInvitation(ResendInvitationRequest.newBuilder().setOrganisationId(organisationId)
				.setContactId(contactId).build()));
	}

	/** Removes the contact from its organisation and disables its portal login (admins). */
	public void removeContact(String organisationId, String contactId) {
		remoteCalls.write(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.withDeadlineAfter(LOGIN_CHANGE_DEADLINE_SECONDS, TimeUnit.SECONDS)
			.removeContact(RemoveContactRequest.newBuilder().setOrganisationId(organisationId)
				.setContactId(contactId).build()));
	}
}
