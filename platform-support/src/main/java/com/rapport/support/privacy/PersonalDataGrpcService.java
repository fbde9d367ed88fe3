package com.rapport.support.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.privacy.v1.ErasePersonalDataRequest;
import com.rapport.contracts.privacy.v1.ErasePersonalDataResponse;
import com.rapport.contracts.privacy.v1.ExportPersonalDataRequest;
import com.rapport.contracts.privacy.v1.ExportPersonalDataResponse;
import com.rapport.contracts.privacy.v1.PersonalDataGrpc;
import com.rapport.contracts.privacy.v1.Subject;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * The service's {@code rapport.privacy.v1.PersonalData} endpoint: asks every {@link PersonalDataHolder} of
 * the service. Admins only, checked before anything is read; every export and erasure is audited.
 */
public class PersonalDataGrpcService extends PersonalDataGrpc.PersonalDataImplBase {

	private final String service;

	private final List<PersonalDataHolder> holders;

	private final JsonMapper json;

	private final Clock clock;

	private final AuditTrail audit;

	public PersonalDataGrpcService(String service, List<PersonalDataHolder> holders, JsonMapper json, Clock clock,
			AuditTrail audit) {
		this.service = service;
		this.holders = List.copyOf(holders);
		this.json = json;
		this.clock = clock;
		this.audit = audit;
	}

	@Override
	public void exportPersonalData(ExportPersonalDataRequest request,
			StreamObserver<ExportPersonalDataResponse> response) {
		DataSubject subject = subject(request.getSubject());
		Map<String, List<?>> records = new LinkedHashMap<>();
		int count = 0;
		for (PersonalDataHolder holder : holders) {
			List<?> held = holder.export(subject);
			if (!held.isEmpty()) {
				records.put(holder.kind(), held);
				count += held.size();
			}
		}
		Instant now = clock.instant();
		audit.record(Caller.current(), "personal-data.exported", "contact", subject.contactId(),
				subject.organisationId(), Map.of("records", String.valueOf(count)));
		response.onNext(ExportPersonalDataResponse.newBuilder().setService(service)
			.setJson(json.writeValueAsString(records)).setRecords(count)
			.setExportedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
			.build());
		response.onCompleted();
	}

	@Override
	public void erasePersonalData(ErasePersonalDataRequest request, StreamObserver<ErasePersonalDataResponse> response) {
		DataSubject subject = subject(request.getSubject());
		Erasure done = Erasure.NOTHING;
		for (PersonalDataHolder holder : holders) {
			done = done.plus(holder.erase(subject));
		}
		// Also when nothing was left to erase: the request itself is on record.
		audit.record(Caller.current(), "personal-data.erased", "contact", subject.contactId(),
				subject.organisationId(), Map.of("deleted", String.valueOf(done.deleted()), "anonymised",
						String.valueOf(done.anonymised())));
		response.onNext(ErasePersonalDataResponse.newBuilder().setService(service).setRecordsDeleted(done.deleted())
			.setRecordsAnonymised(done.anonymised()).build());
		response.onCompleted();
	}

	private static DataSubject subject(Subject subject) {
		if (!Caller.current().hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Only admins export or erase personal data");
		}
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "subject");
		if (subject.getOrganisationId().isBlank()) {
			errors.rejectValue("subject.organisation_id", "field.required");
		}
		if (subject.getContactId().isBlank()) {
			errors.rejectValue("subject.contact_id", "field.required");
		}
		UnprocessableException.throwIfAny(Message.of("privacy.subject-incomplete"), errors);
		return new DataSubject(subject.getOrganisationId(), subject.getContactId(), subject.getUsername(),
				subject.getEmail(), subject.getName(), subject.getPhone());
	}
}
