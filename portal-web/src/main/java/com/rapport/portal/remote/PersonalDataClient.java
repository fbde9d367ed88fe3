package com.rapport.portal.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.contracts.customer.v1.DataSubjectServiceGrpc.DataSubjectServiceBlockingStub;
import com.rapport.contracts.customer.v1.GetDataSubjectRequest;
import com.rapport.contracts.privacy.v1.ErasePersonalDataRequest;
import com.rapport.contracts.privacy.v1.ErasePersonalDataResponse;
import com.rapport.contracts.privacy.v1.ExportPersonalDataRequest;
import com.rapport.contracts.privacy.v1.ExportPersonalDataResponse;
import com.rapport.contracts.privacy.v1.PersonalDataGrpc;
import com.rapport.contracts.privacy.v1.PersonalDataGrpc.PersonalDataBlockingStub;
import com.rapport.contracts.privacy.v1.Subject;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * A contact's personal data across every service that stores data, each asked over gRPC with the admin's
 * own token. customer-service comes last when erasing: it holds the contact itself, so an erasure that
 * fails half-way leaves the contact in place to be erased again (each service's erasure is idempotent).
 */
@Component
public class PersonalDataClient {

	/** The services that hold data, in erasure order: customer-service last. */
	public static final List<String> SERVICES = List.of("order-tracking-service", "ticket-service",
			"feedback-service", CustomerClient.REMOTE);

	private final Map<String, PersonalDataBlockingStub> stubs = new LinkedHashMap<>();

	private final DataSubjectServiceBlockingStub subjects;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	PersonalDataClient(GrpcChannelFactory channels, DataSubjectServiceBlockingStub subjects, RemoteCalls remoteCalls,
			CallTokens tokens) {
		SERVICES.forEach(service -> stubs.put(service, PersonalDataGrpc.newBlockingStub(channels.createChannel(service))));
		this.subjects = subjects;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** Who the contact is, with every identifier the services may hold (admins only). */
	public Subject subject(String organisationId, String contactId) {
		return remoteCalls.read(CustomerClient.REMOTE, () -> subjects.withCallCredentials(tokens.forCurrentCaller())
			.getDataSubject(GetDataSubjectRequest.newBuilder().setOrganisationId(organisationId)
				.setContactId(contactId).build()));
	}

	/** Every service's export, customer-service first; one unavailable service fails the whole export. */
	public List<ExportPersonalDataResponse> export(Subject subject) {
		List<ExportPersonalDataResponse> exports = new ArrayList<>();
		List<String> customerServiceFirst = new ArrayList<>(SERVICES);
		java.util.Collections.reverse(customerServiceFirst);
		for (String service : customerServiceFirst) {
			exports.add(remoteCalls.read(service, () -> stubs.get(service).withCallCredentials(tokens.forCurrentCaller())
				.exportPersonalData(ExportPersonalDataRequest.newBuilder().setSubject(subject).build())));
		}
		return exports;
	}

	/**
	 * Erases in every service, in {@link #SERVICES} order. Stops at the first service that cannot be reached
	 * and says which services had already erased; their erasure stays done.
	 */
	public List<ErasePersonalDataResponse> erase(Subject subject) {
		List<ErasePersonalDataResponse> done = new ArrayList<>();
		for (String service : SERVICES) {
			try {
				// An erasure is idempotent, so it may be retried like a read.
				done.add(remoteCalls.read(service, () -> stubs.get(service)
					.withCallCredentials(tokens.forCurrentCaller())
					.erasePersonalData(ErasePersonalDataRequest.newBuilder().setSubject(subject).build())));
			}
			catch (RemoteUnavailableException ex) {
				throw new IncompleteErasure(service, done, ex);
			}
		}
		return done;
	}

	/** An erasure that could not reach {@code service}; {@code done} lists the services that had erased. */
	public static class IncompleteErasure extends RuntimeException {

		private final String service;

		private final List<ErasePersonalDataResponse> done;

		public IncompleteErasure(String service, List<ErasePersonalDataResponse> done, RemoteUnavailableException cause) {
			super("Erasure stopped: " + service + " is unavailable", cause);
			this.service = service;
			this.done = List.copyOf(done);
		}

		public String service() {
			return service;
		}

		public List<ErasePersonalDataResponse> done() {
			return done;
		}
	}
}
