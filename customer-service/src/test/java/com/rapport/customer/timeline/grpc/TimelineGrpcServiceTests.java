package com.rapport.customer.timeline.grpc;

import java.util.List;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.TimelineServiceGrpc;
import com.rapport.contracts.customer.v1.TimelineServiceGrpc.TimelineServiceBlockingStub;
import com.rapport.contracts.customer.v1.Interaction;
import com.rapport.contracts.customer.v1.InteractionKind;
import com.rapport.contracts.customer.v1.ListInteractionsRequest;
import com.rapport.contracts.customer.v1.RecordInteractionRequest;
import com.rapport.customer.CustomerServiceTest;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code RecordInteraction} and {@code ListInteractions} over the in-process transport, with the real store. */
@CustomerServiceTest
class TimelineGrpcServiceTests {

	static final String SERVER = CustomerServiceTest.SERVER;

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	static final long T0 = 1_772_352_000L; // 2026-03-01T08:00:00Z

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InteractionRepository interactions;

	TimelineServiceBlockingStub stub;

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		interactions.deleteAll();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN"));
		organisations.save(Organisation.create("globex-trading", "Globex Trading", null, "SG"));
		stub = TimelineServiceGrpc.newBlockingStub(channel);
	}

	private TimelineServiceBlockingStub as(String token) {
		return stub.withCallCredentials(CallTokens.bearer(token));
	}

	private static Interaction.Builder event(String eventId, String organisationId, InteractionKind kind, long at) {
		return Interaction.newBuilder().setEventId(eventId).setOrganisationId(organisationId).setKind(kind)
			.setSource("order-tracking-service").setOccurredAt(Timestamp.newBuilder().setSeconds(at).setNanos(5_000_000))
			.setSummary("Order PO-" + eventId).setReference("order:" + eventId).putAttributes("order_number", "PO-" + eventId);
	}

	private boolean record(Interaction.Builder interaction) {
		return record(interaction.build());
	}

	private boolean record(Interaction interaction) {
		return as(TestTokens.service())
			.recordInteraction(RecordInteractionRequest.newBuilder().setInteraction(interaction).build())
			.getRecorded();
	}

	private static ListInteractionsRequest.Builder timelineOf(String organisationId) {
		return ListInteractionsRequest.newBuilder().setOrganisationId(organisationId);
	}

	private static void assertCode(Status.Code code, Executable call) {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(call::execute)
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(code));
	}

	@Test
	void aServiceRecordsAnEventOnceAndARepeatIsAnsweredNotRecorded() {
		assertThat(record(event("e-1", "acme-retail", InteractionKind.INTERACTION_KIND_ORDER_PLACED, T0))).isTrue();
		assertThat(record(event("e-1", "acme-retail", InteractionKind.INTERACTION_KIND_ORDER_PLACED, T0))).isFalse();
		// A placed order also records the lifecycle change it causes (customer-service's own entry); see tiering.
		assertThat(interactions.findAll()).filteredOn(i -> i.kind().name().equals("ORDER_PLACED"))
			.hasSize(1);
		var timeline = as(TestTokens.staff("agent")).listInteractions(
				timelineOf("acme-retail").addKinds(InteractionKind.INTERACTION_KIND_ORDER_PLACED).build());
		assertThat(timeline.getInteractionsList()).singleElement().satisfies(i -> {
			assertThat(i.getEventId()).isEqualTo("e-1");
			assertThat(i.getKind()).isEqualTo(InteractionKind.INTERACTION_KIND_ORDER_PLACED);
			assertThat(i.getSource()).isEqualTo("order-tracking-service");
			assertThat(i.getOccurredAt().getSeconds()).isEqualTo(T0);
			assertThat(i.getOccurredAt().getNanos()).isEqualTo(5_000_000);
			assertThat(i.getSummary()).isEqualTo("Order PO-e-1");
			assertThat(i.getReference()).isEqualTo("order:e-1");
			assertThat(i.getAttributesMap()).containsEntry("order_number", "PO-e-1");
		});
		assertThat(timeline.getNextPageToken()).isEmpty();
	}

	@Test
	void whenTheSameEventArrivesManyTimesAtOnceExactlyOneCallRecordsIt() throws Exception {
		Interaction event = event("e-race", "acme-retail", InteractionKind.INTERACTION_KIND_ORDER_DELIVERED, T0).build();
		var executor = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			var start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Boolean>> calls = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(executor.submit(() -> {
					start.await();
					return record(event);
				}));
			}
			start.countDown();
			long recorded = 0;
			for (var call : calls) {
				recorded += call.get(10, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(recorded).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(interactions.count()).isEqualTo(1);
	}

	@Test
	void recordingForAnUnknownOrganisationIsNotFound() {
		assertCode(Status.Code.NOT_FOUND,
				() -> record(event("e-1", "no-such-org", InteractionKind.INTERACTION_KIND_ORDER_PLACED, T0)));
	}

	@Test
	void anInteractionWithoutEventIdOrganisationKindOrTimeIsInvalidArgument() {
		var complete = event("e-1", "acme-retail", InteractionKind.INTERACTION_KIND_ORDER_PLACED, T0);
		for (Interaction.Builder incomplete : List.of(complete.clone().clearEventId(),
				complete.clone().clearOrganisationId(), complete.clone().clearKind(), complete.clone().clearOccurredAt())) {
			assertCode(Status.Code.INVALID_ARGUMENT, () -> record(incomplete));
		}
		assertCode(Status.Code.INVALID_ARGUMENT, () -> as(TestTokens.service())
			.recordInteraction(RecordInteractionRequest.getDefaultInstance()));
		assertThat(interactions.count()).isZero();
	}

	@Test
	void onlyServicesRecord() {
		var request = RecordInteractionRequest.newBuilder()
			.setInteraction(event("e-1", "acme-retail", InteractionKind.INTERACTION_KIND_ORDER_PLACED, T0)).build();
		for (String token : List.of(TestTokens.staff("agent"), TestTokens.staff("admin"),
				TestTokens.customer("acme-retail"))) {
			assertCode(Status.Code.PERMISSION_DENIED, () -> as(token).recordInteraction(request));
		}
		assertCode(Status.Code.UNAUTHENTICATED, () -> stub.recordInteraction(request));
		assertThat(interactions.count()).isZero();
	}

	@Test
	void customerCannotReadATimelineNeitherItsOwnNorAnotherCustomers() {
		record(event("e-1", "acme-retail", InteractionKind.INTERACTION_KIND_ORDER_DELAYED, T0));
		assertCode(Status.Code.PERMISSION_DENIED,
				() -> as(TestTokens.customer("acme-retail")).listInteractions(timelineOf("acme-retail").build()));
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.customer("globex-trading")).listInteractions(timelineOf("acme-retail").build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
				assertThat(ex.getStatus().getDescription()).doesNotContain("PO-e-1");
			});
	}

	@Test
	void staffAndServicesReadTheTimelineNewestFirstPagedAndOnlyOfThatOrganisation() {
		for (int i = 0; i < 5; i++) {
			record(event("a-" + i, "acme-retail", InteractionKind.INTERACTION_KIND_ORDER_PLACED, T0 + 60L * i));
		}
		record(event("g-1", "globex-trading", InteractionKind.INTERACTION_KIND_ORDER_PLACED, T0 + 999));
		// Only the orders: each also records the lifecycle change it causes (see tiering).
		var first = as(TestTokens.staff("manager")).listInteractions(timelineOf("acme-retail")
			.addKinds(InteractionKind.INTERACTION_KIND_ORDER_PLACED).setPageSize(3).build());
		assertThat(first.getInteractionsList()).extracting(Interaction::getEventId).containsExactly("a-4", "a-3", "a-2");
		var second = as(TestTokens.service()).listInteractions(timelineOf("acme-retail")
			.addKinds(InteractionKind.INTERACTION_KIND_ORDER_PLACED).setPageSize(3).setPageToken(first.getNextPageToken())
			.build());
		assertThat(second.getInteractionsList()).extracting(Interaction::getEventId).containsExactly("a-1", "a-0");
		assertThat(second.getNextPageToken()).isEmpty();
	}

	@Test
	void theTimelineIsFilteredByKind() {
		record(event("1", "acme-retail", InteractionKind.INTERACTION_KIND_ORDER_PLACED, T0));
		record(event("2", "acme-retail", InteractionKind.INTERACTION_KIND_ORDER_DELAYED, T0 + 1));
		record(event("3", "acme-retail", InteractionKind.INTERACTION_KIND_TICKET_OPENED, T0 + 2));
		var delays = as(TestTokens.staff("agent")).listInteractions(timelineOf("acme-retail")
			.addKinds(InteractionKind.INTERACTION_KIND_ORDER_DELAYED).addKinds(InteractionKind.INTERACTION_KIND_TICKET_OPENED)
			.build());
		assertThat(delays.getInteractionsList()).extracting(Interaction::getEventId).containsExactly("3", "2");
		assertCode(Status.Code.INVALID_ARGUMENT, () -> as(TestTokens.staff("agent")).listInteractions(
				timelineOf("acme-retail").addKinds(InteractionKind.INTERACTION_KIND_UNSPECIFIED).build()));
	}

	@Test
	void anUnknownOrganisationMissingIdOrForgedPageTokenIsRefused() {
		assertCode(Status.Code.NOT_FOUND,
				() -> as(TestTokens.staff("agent")).listInteractions(timelineOf("no-such-org").build()));
		assertCode(Status.Code.INVALID_ARGUMENT,
				() -> as(TestTokens.staff("agent")).listInteractions(ListInteractionsRequest.getDefaultInstance()));
		assertCode(Status.Code.INVALID_ARGUMENT, () -> as(TestTokens.staff("agent"))
			.listInteractions(timelineOf("acme-retail").setPageToken("garbage").build()));
	}
}
