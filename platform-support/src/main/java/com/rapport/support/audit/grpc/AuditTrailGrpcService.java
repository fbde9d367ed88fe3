package com.rapport.support.audit.grpc;

import java.time.Instant;
import java.util.OptionalLong;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.audit.v1.AuditFinding;
import com.rapport.contracts.audit.v1.AuditTrailGrpc;
import com.rapport.contracts.audit.v1.ListAuditEntriesRequest;
import com.rapport.contracts.audit.v1.ListAuditEntriesResponse;
import com.rapport.contracts.audit.v1.VerifyAuditTrailRequest;
import com.rapport.contracts.audit.v1.VerifyAuditTrailResponse;
import com.rapport.support.audit.AuditEntry;
import com.rapport.support.audit.AuditEvent;
import com.rapport.support.audit.AuditPage;
import com.rapport.support.audit.AuditQuery;
import com.rapport.support.audit.AuditVerification;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.grpc.PageTokens;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.security.access.AccessDeniedException;

/** The service's own trail for the console: admins only, refused before anything is read. */
class AuditTrailGrpcService extends AuditTrailGrpc.AuditTrailImplBase {

	private final MongoAuditTrail trail;

	AuditTrailGrpcService(MongoAuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public void listAuditEntries(ListAuditEntriesRequest request, StreamObserver<ListAuditEntriesResponse> response) {
		requireAdmin();
		OptionalLong before = PageTokens.position(request.getPageToken());
		AuditPage page = trail.list(new AuditQuery(request.getActor(), request.getAction(), request.getRecordType(),
				request.getRecordId(), request.getOrganisationId(), request.hasFrom() ? instant(request.getFrom()) : null,
				request.hasTo() ? instant(request.getTo()) : null, request.getPageSize(),
				before.isPresent() ? before.getAsLong() : null));
		ListAuditEntriesResponse.Builder answer = ListAuditEntriesResponse.newBuilder();
		page.entries().forEach(entry -> answer.addEntries(toProto(entry)));
		page.nextBefore().ifPresent(sequence -> answer.setNextPageToken(PageTokens.before(sequence)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void verifyAuditTrail(VerifyAuditTrailRequest request, StreamObserver<VerifyAuditTrailResponse> response) {
		requireAdmin();
		AuditVerification result = trail.verify();
		response.onNext(VerifyAuditTrailResponse.newBuilder().setIntact(result.intact())
			.setEntriesChecked(result.entriesChecked()).setFirstBadSequence(result.firstBadSequence())
			.setReason(result.reason()).setFinding(toProto(result.finding())).build());
		response.onCompleted();
	}

	private static void requireAdmin() {
		if (!Caller.current().hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("The audit trail is for admins");
		}
	}

	static com.rapport.contracts.audit.v1.AuditEntry toProto(AuditEntry entry) {
		AuditEvent event = entry.event();
		return com.rapport.contracts.audit.v1.AuditEntry.newBuilder().setSequence(entry.sequence())
			.setAt(timestamp(event.at())).setActor(event.actor()).addAllActorRoles(event.actorRoles())
			.setClient(event.client()).setAddress(event.address()).setAction(event.action())
			.setRecordType(event.recordType()).setRecordId(event.recordId())
			.setOrganisationId(event.organisationId()).putAllDetails(event.details()).setHash(entry.hash())
			.setPreviousHash(entry.previousHash()).build();
	}

	static AuditFinding toProto(AuditVerification.Finding finding) {
		return finding == AuditVerification.Finding.NONE ? AuditFinding.AUDIT_FINDING_UNSPECIFIED
				: AuditFinding.valueOf("AUDIT_FINDING_" + finding.name());
	}

	private static Instant instant(Timestamp timestamp) {
		return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}
}
