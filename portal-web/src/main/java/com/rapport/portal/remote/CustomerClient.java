package com.rapport.portal.remote;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.rapport.contracts.customer.v1.AddContactRequest;
import com.rapport.contracts.customer.v1.RemoveTierOverrideRequest;
import com.rapport.contracts.customer.v1.SetTierOverrideRequest;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.ContactFields;
import com.rapport.contracts.customer.v1.CreateOrganisationRequest;
import com.rapport.contracts.customer.v1.OrganisationFields;
import com.rapport.contracts.customer.v1.UpdateContactRequest;
import com.rapport.contracts.customer.v1.UpdateOrganisationRequest;
import com.rapport.contracts.customer.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;
import com.rapport.contracts.customer.v1.GetMyContactRequest;
import com.rapport.contracts.customer.v1.InviteContactRequest;
import com.rapport.contracts.customer.v1.RemoveContactRequest;
import com.rapport.contracts.customer.v1.ResendInvitationRequest;
import com.rapport.contracts.customer.v1.UpdateMyPreferencesRequest;
import com.rapport.contracts.customer.v1.InteractionKind;
import com.rapport.contracts.customer.v1.ListInteractionsRequest;
import com.rapport.contracts.customer.v1.ListInteractionsResponse;
import com.rapport.contracts.customer.v1.GetOrganisationRequest;
import com.rapport.contracts.customer.v1.ListOrganisationsRequest;
import com.rapport.contracts.customer.v1.ListOrganisationsResponse;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** Organisations from customer-service, as the signed-in user may see them. */
@Component
public class CustomerClient {

	static final String REMOTE = "customer-service";

	/** Changes of a portal login wait for Keycloak and its mail server. */
	static final long LOGIN_CHANGE_DEADLINE_SECONDS = 15;

	private final CustomerServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	CustomerClient(CustomerServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/**
	 * One page of the organisations matching {@code query} (all of them when it is empty), with how many match
	 * in all and the token of the next page (empty on the last). {@code pageToken} is one this gave before,
	 * or empty for the first page; a token or query the service rejects is an {@code UnprocessableException}.
	 */
	public ListOrganisationsResponse search(String query, int pageSize, String pageToken) {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listOrganisations(ListOrganisationsRequest.newBuilder().setQuery(query).setPageSize(pageSize)
				.setPageToken(pageToken).build()));
	}

	/** One organisation with its contacts; one that does not exist or is not the user's is a {@code NotFoundException}. */
	public Organisation organisation(String id) {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getOrganisation(GetOrganisationRequest.newBuilder().setOrganisationId(id).build()));
	}

	/** The organisation's latest interactions, newest first (staff only). */
	/**
	 * A page of the organisation's timeline, newest first: only {@code kind} when given, from {@code pageToken}
	 * (the previous page's {@code next_page_token}) when given.
	 */
	public ListInteractionsResponse timeline(String organisationId, InteractionKind kind, int pageSize,
			String pageToken) {
		ListInteractionsRequest.Builder request = ListInteractionsRequest.newBuilder().setOrganisationId(organisationId)
			.setPageSize(pageSize);
		if (kind != null) {
			request.addKinds(kind);
		}
		if (pageToken != null && !pageToken.isBlank()) {
			request.setPageToken(pageToken);
		}
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listInteractions(request.build()));
	}

	/** The signed-in contact's own record. */
	public Contact myContact() {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getMyContact(GetMyContactRequest.getDefaultInstance()));
	}

	/**
	 * Gives the contact a portal login and has the invitation mailed (admins). Keycloak creates the user and
	 * hands the mail to the mail server within the call, so it may take longer than a read.
	 */
	public Contact inviteContact(String organisationId, String contactId) {
		return remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.withDeadlineAfter(LOGIN_CHANGE_DEADLINE_SECONDS, TimeUnit.SECONDS)
			.inviteContact(InviteContactRequest.newBuilder().setOrganisationId(organisationId)
				.setContactId(contactId).build()));
	}

	/** Mails an invited contact's invitation again (admins). */
	public Contact resendInvitation(String organisationId, String contactId) {
		return remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.withDeadlineAfter(LOGIN_CHANGE_DEADLINE_SECONDS, TimeUnit.SECONDS)
			.resendInvitation(ResendInvitationRequest.newBuilder().setOrganisationId(organisationId)
				.setContactId(contactId).build()));
	}

	/** Removes the contact from its organisation and disables its portal login (admins). */
	public void removeContact(String organisationId, String contactId) {
		remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.withDeadlineAfter(LOGIN_CHANGE_DEADLINE_SECONDS, TimeUnit.SECONDS)
			.removeContact(RemoveContactRequest.newBuilder().setOrganisationId(organisationId)
				.setContactId(contactId).build()));
	}

	/** A manager's override of the computed tier, through {@code endDate} (ISO). */
	public Organisation setTierOverride(String organisationId, Tier tier, String reason, String endDate) {
		return remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.setTierOverride(SetTierOverrideRequest.newBuilder().setOrganisationId(organisationId).setTier(tier)
				.setReason(reason).setEndDate(endDate).build()));
	}

	public Organisation removeTierOverride(String organisationId) {
		return remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.removeTierOverride(RemoveTierOverrideRequest.newBuilder().setOrganisationId(organisationId).build()));
	}

	/** A new organisation (staff); an empty id lets customer-service make one from the name. */
	public Organisation createOrganisation(String id, OrganisationFields fields) {
		return remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.createOrganisation(CreateOrganisationRequest.newBuilder().setOrganisationId(id).setFields(fields).build()));
	}

	/** Saves the profile if nobody saved since {@code version} was read (staff). */
	public Organisation updateOrganisation(String id, OrganisationFields fields, long version) {
		return remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.updateOrganisation(UpdateOrganisationRequest.newBuilder().setOrganisationId(id).setFields(fields)
				.setVersion(version).build()));
	}

	public Contact addContact(String organisationId, ContactFields fields) {
		return remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.addContact(AddContactRequest.newBuilder().setOrganisationId(organisationId).setFields(fields).build()));
	}

	public Contact updateContact(String organisationId, String contactId, ContactFields fields) {
		return remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.updateContact(UpdateContactRequest.newBuilder().setOrganisationId(organisationId).setContactId(contactId)
				.setFields(fields).build()));
	}

	/** Changes the signed-in contact's own preferences; answers the updated record. */
	public Contact updateMyPreferences(UpdateMyPreferencesRequest preferences) {
		return remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.updateMyPreferences(preferences));
	}
}
