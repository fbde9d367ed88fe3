package com.rapport.customer.privacy.grpc;

import com.rapport.contracts.customer.v1.DataSubjectServiceGrpc;
import com.rapport.contracts.customer.v1.GetDataSubjectRequest;
import com.rapport.contracts.privacy.v1.Subject;
import com.rapport.customer.organisation.ContactService;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;
import org.springframework.security.access.AccessDeniedException;

/**
 * {@code rapport.customer.v1.DataSubjectService}: a contact as the subject of a personal-data export or
 * erasure, with every identifier other services may hold. Admins only, refused before any look-up.
 */
@GrpcService
class DataSubjectGrpcService extends DataSubjectServiceGrpc.DataSubjectServiceImplBase {

	private final ContactService contacts;

	DataSubjectGrpcService(ContactService contacts) {
		this.contacts = contacts;
	}

	@Override
	public void getDataSubject(GetDataSubjectRequest request, StreamObserver<Subject> response) {
		Caller caller = Caller.current();
		if (!caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Only admins act on a contact's personal data");
		}
		var contact = contacts.contact(caller, request.getOrganisationId(), request.getContactId());
		response.onNext(Subject.newBuilder().setOrganisationId(request.getOrganisationId()).setContactId(contact.id())
			.setUsername(nullToEmpty(contact.username())).setEmail(nullToEmpty(contact.email()))
			.setName(nullToEmpty(contact.name())).setPhone(nullToEmpty(contact.phone())).build());
		response.onCompleted();
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
