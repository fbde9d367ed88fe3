package com.rapport.support.audit.grpc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.rapport.contracts.audit.v1.AuditEntry;
import com.rapport.contracts.audit.v1.AuditFinding;
import com.rapport.contracts.audit.v1.AuditTrailGrpc;
import com.rapport.contracts.audit.v1.AuditTrailGrpc.AuditTrailBlockingStub;
import com.rapport.contracts.audit.v1.ListAuditEntriesRequest;
import com.rapport.contracts.audit.v1.ListAuditEntriesResponse;
import com.rapport.contracts.audit.v1.VerifyAuditTrailRequest;
import com.rapport.contracts.audit.v1.VerifyAuditTrailResponse;
import com.rapport.support.audit.AuditEvent;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.PageTokens;
import com.rapport.support.test.TestTokens;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configured trail of a service, over the in-process transport with the real security interceptor:
 * a stand-in service method records a change, the admin reads and verifies the trail.
 */
@SpringBootTest(classes = AuditTrailGrpcServiceTests.Service.class,
		properties = { "spring.application.name=audit-grpc-test", "rapport.mongodb.embedded.in-memory=true",
				"spring.grpc.server.port=0", "spring.grpc.server.inprocess.name=" + AuditTrailGrpcServiceTests.SERVER,
				"spring.grpc.server.health.enabled=false" })
@Import(TestTokens.DecoderConfiguration.class)
class AuditTrailGrpcServiceTests {

	static final String SERVER = "audit-trail-test";

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoAuditTrail trail;

	private final AuditTrailBlockingStub stub = AuditTrailGrpc.newBlockingStub(channel);

	/** A service whose one gRPC method is a change: it records who made it, as a real service would. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Service {

		@Bean
		BindableService changingService(AuditTrail audit) {
			return new HealthGrpc.HealthImplBase() {
				@Override
				public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> response) {
					audit.record("probe.changed", "probe", request.getService(), "acme-retail",
							Map.of("fields", "name"));
					response.onNext(HealthCheckResponse.getDefaultInstance());
					response.onCompleted();
				}
			};
		}
	}

	@AfterAll
	static void closeChannel() {
		channel.shutdownNow();
	}

	@BeforeEach
	void emptyTrail() {
		mongo.remove(new Query(), "audit_trail");
		mongo.remove(new Query(), "audit_head");
	}

	private AuditTrailBlockingStub as(String token) {
		return stub.withCallCredentials(CallTokens.bearer(token));
	}

	private void change(String probe, String token, String forwardedAddress) {
		var health = HealthGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
		if (forwardedAddress != null) {
			Metadata metadata = new Metadata();
			metadata.put(ClientAddressServerInterceptor.METADATA_KEY, forwardedAddress);
			health = health.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
		}
		health.check(HealthCheckRequest.newBuilder().setService(probe).build());
	}

	private static ListAuditEntriesRequest.Builder list() {
		return ListAuditEntriesRequest.newBuilder();
	}

	private static void assertStatus(Status.Code code, Executable call) {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(call::execute)
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).as(ex.getStatus().toString()).isEqualTo(code));
	}

	@Test
	void aChangeInAGrpcCallNamesTheCallerTheirClientAndTheAddressThePortalForwarded() {
		change("p-1", TestTokens.staff("admin"), "203.0.113.9");

		AuditEntry entry = as(TestTokens.staff("admin")).listAuditEntries(list().build()).getEntries(0);

		assertThat(entry.getSequence()).isEqualTo(1);
		assertThat(entry.getActor()).isEqualTo("staff-admin");
		assertThat(entry.getActorRolesList()).containsExactly("admin");
		assertThat(entry.getClient()).isEqualTo(TestTokens.PEOPLES_CLIENT);
		assertThat(entry.getAddress()).isEqualTo("203.0.113.9");
		assertThat(entry.getAction()).isEqualTo("probe.changed");
		assertThat(entry.getRecordType()).isEqualTo("probe");
		assertThat(entry.getRecordId()).isEqualTo("p-1");
		assertThat(entry.getOrganisationId()).isEqualTo("acme-retail");
		assertThat(entry.getDetailsMap()).containsExactly(Map.entry("fields", "name"));
		assertThat(entry.getHash()).hasSize(64);
		assertThat(entry.getPreviousHash()).isEmpty();
	}

	@Test
	void withoutAForwardedAddressTheCallersOwnCounts() {
		change("p-1", TestTokens.service(), null);

		AuditEntry entry = as(TestTokens.staff("admin")).listAuditEntries(list().build()).getEntries(0);

		assertThat(entry.getActor()).isEqualTo("test-service");
		assertThat(entry.getClient()).isEqualTo("test-service");
		assertThat(entry.getAddress()).isNotBlank();
	}

	@Test
	void anAdminFiltersAndPagesTheTrailNewestFirst() {
		change("p-1", TestTokens.staff("manager"), "203.0.113.9");
		change("p-2", TestTokens.staff("agent"), "203.0.113.9");
		change("p-3", TestTokens.staff("manager"), "203.0.113.9");
		AuditTrailBlockingStub admin = as(TestTokens.staff("admin"));

		assertThat(admin.listAuditEntries(list().setActor("staff-manager").build()).getEntriesList())
			.extracting(AuditEntry::getRecordId).containsExactly("p-3", "p-1");
		assertThat(admin.listAuditEntries(list().setAction("probe.").setRecordType("probe").setRecordId("p-2")
			.setOrganisationId("acme-retail").build()).getEntriesList()).extracting(AuditEntry::getSequence)
			.containsExactly(2L);
		assertThat(admin.listAuditEntries(list().setFrom(timestamp(Instant.now().plusSeconds(60))).build())
			.getEntriesList()).isEmpty();

		ListAuditEntriesResponse first = admin.listAuditEntries(list().setPageSize(2).build());
		assertThat(first.getEntriesList()).extracting(AuditEntry::getSequence).containsExactly(3L, 2L);
		ListAuditEntriesResponse second = admin
			.listAuditEntries(list().setPageSize(2).setPageToken(first.getNextPageToken()).build());
		assertThat(second.getEntriesList()).extracting(AuditEntry::getSequence).containsExactly(1L);
		assertThat(second.getNextPageToken()).isEmpty();
	}

	@Test
	void anAdminSeesVerificationFailOnceAStoredEntryWasChanged() {
		change("p-1", TestTokens.staff("manager"), null);
		change("p-2", TestTokens.staff("manager"), null);
		change("p-3", TestTokens.staff("manager"), null);
		AuditTrailBlockingStub admin = as(TestTokens.staff("admin"));
		assertThat(admin.verifyAuditTrail(VerifyAuditTrailRequest.getDefaultInstance())).isEqualTo(VerifyAuditTrailResponse
			.newBuilder().setIntact(true).setEntriesChecked(3).setReason("all 3 entries are intact").build());

		mongo.getCollection("audit_trail").updateOne(Filters.eq("_id", 2L), Updates.set("recordId", "p-9"));

		VerifyAuditTrailResponse answer = admin.verifyAuditTrail(VerifyAuditTrailRequest.getDefaultInstance());
		assertThat(answer.getIntact()).isFalse();
		assertThat(answer.getFirstBadSequence()).isEqualTo(2);
		assertThat(answer.getFinding()).isEqualTo(AuditFinding.AUDIT_FINDING_ENTRY_CHANGED);
		assertThat(answer.getReason()).isEqualTo("entry 2 was changed");
	}

	@Test
	void anyoneButAnAdminIsRefusedBothReadingAndVerifying() {
		trail.record(new AuditEvent("manager.wang", List.of("manager"), "rapport-gateway", "203.0.113.9", null,
				"organisation.updated", "organisation", "acme-retail", "acme-retail", Map.of()));
		for (String token : List.of(TestTokens.staff("agent"), TestTokens.staff("manager"),
				TestTokens.customer("acme-retail"), TestTokens.service(), TestTokens.partner("customers.read"))) {
			assertStatus(Status.Code.PERMISSION_DENIED, () -> as(token).listAuditEntries(list().build()));
			assertStatus(Status.Code.PERMISSION_DENIED,
					() -> as(token).verifyAuditTrail(VerifyAuditTrailRequest.getDefaultInstance()));
		}
		assertStatus(Status.Code.UNAUTHENTICATED, () -> stub.listAuditEntries(list().build()));
		assertStatus(Status.Code.UNAUTHENTICATED,
				() -> stub.verifyAuditTrail(VerifyAuditTrailRequest.getDefaultInstance()));
	}

	@Test
	void aBadFilterIsAnInvalidArgument() {
		AuditTrailBlockingStub admin = as(TestTokens.staff("admin"));
		Instant now = Instant.now();

		assertStatus(Status.Code.INVALID_ARGUMENT, () -> admin.listAuditEntries(list().setPageSize(-1).build()));
		assertStatus(Status.Code.INVALID_ARGUMENT, () -> admin.listAuditEntries(
				list().setFrom(timestamp(now)).setTo(timestamp(now.minusSeconds(1))).build()));
		assertStatus(Status.Code.INVALID_ARGUMENT,
				() -> admin.listAuditEntries(list().setPageToken("not a token").build()));
		assertStatus(Status.Code.INVALID_ARGUMENT,
				() -> admin.listAuditEntries(list().setPageToken(PageTokens.of(2)).build()));
		assertThat(admin.listAuditEntries(list().setPageSize(500).build()).getEntriesList()).isEmpty();
		assertThat(mongo.getCollection("audit_trail").countDocuments(new Document())).isZero();
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}
}
