package com.rapport.ticket.ticket.grpc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.rapport.contracts.ticket.v1.ListOpenTicketsRequest;
import com.rapport.contracts.ticket.v1.ListOpenTicketsResponse;
import com.rapport.contracts.ticket.v1.SlaState;
import com.rapport.contracts.ticket.v1.SlaTier;
import com.rapport.contracts.ticket.v1.Ticket;
import com.rapport.contracts.ticket.v1.TicketChannel;
import com.rapport.contracts.ticket.v1.TicketPriority;
import com.rapport.contracts.ticket.v1.TicketServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketServiceGrpc.TicketServiceBlockingStub;
import com.rapport.contracts.ticket.v1.TicketStatus;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.TestTokens;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.Channel;
import com.rapport.ticket.ticket.Requester;
import com.rapport.ticket.ticket.TicketKind;
import com.rapport.ticket.ticket.TicketRepository;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The gRPC face over the in-process transport, with the real security interceptor and store. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + TicketGrpcServiceTests.SERVER })
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class TicketGrpcServiceTests {

	static final String SERVER = "ticket-service-test";

	static final Instant NOW = FixedClock.NOW;

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	@Autowired
	TicketRepository tickets;

	@MockitoBean
	CustomerDirectory customers;

	TicketServiceBlockingStub stub = TicketServiceGrpc.newBlockingStub(channel);

	com.rapport.ticket.ticket.Ticket breached;

	@BeforeEach
	void setUp() {
		tickets.deleteAll();
		// VIP: 1 h to the first response, 8 h to the resolution.
		breached = store("acme-retail", "T-1001", "Order ACME-1015 late", TicketKind.COMPLAINT, Duration.ofHours(2),
				Requester.of("alice-1", "Alice Chen", "alice.chen@acme-retail.example"));
		store("acme-retail", "T-1002", "Invoice copy", TicketKind.REQUEST, Duration.ofMinutes(5),
				Requester.of("alice-1", "Alice Chen", "alice.chen@acme-retail.example"));
		store("globex-trading", "T-1003", "Globex price list", TicketKind.REQUEST, Duration.ofMinutes(5),
				Requester.of("gavin-1", "Gavin Wu", "gavin.wu@globex.example"));
	}

	private com.rapport.ticket.ticket.Ticket store(String customerId, String number, String subject, TicketKind kind,
			Duration ago, Requester requester) {
		Instant opened = NOW.minus(ago);
		return tickets.insert(new com.rapport.ticket.ticket.Ticket(UUID.randomUUID().toString(), number, customerId,
				subject, kind, Priority.HIGH, com.rapport.ticket.ticket.TicketStatus.NEW, Channel.EMAIL, opened, requester,
				null, null, null, Tier.VIP, false, SlaProperties.defaults().policyFor(Tier.VIP).start(opened, BusinessCalendar.ROUND_THE_CLOCK, 25), null, null,
				List.of(), List.of()));
	}

	private TicketServiceBlockingStub as(String token) {
		return stub.withCallCredentials(CallTokens.bearer(token));
	}

	private static ListOpenTicketsRequest of(String customerId) {
		return ListOpenTicketsRequest.newBuilder().setCustomerId(customerId).build();
	}

	@Test
	void anAgentGetsTheOrganisationsOpenTicketsMostUrgentFirstWithWhoRaisedThem() {
		ListOpenTicketsResponse answer = as(TestTokens.staff("agent")).listOpenTickets(of("acme-retail"));

		assertThat(answer.getOpenCount()).isEqualTo(2);
		assertThat(answer.getBreachedCount()).isEqualTo(1);
		assertThat(answer.getAtRiskCount()).isZero();
		assertThat(answer.getTicketsList()).extracting(Ticket::getNumber).containsExactly("T-1001", "T-1002");
		Ticket first = answer.getTickets(0);
		assertThat(first.getId()).isEqualTo(breached.id());
		assertThat(first.getCustomerId()).isEqualTo("acme-retail");
		assertThat(first.getSubject()).isEqualTo("Order ACME-1015 late");
		assertThat(first.getKind()).isEqualTo(com.rapport.contracts.ticket.v1.TicketKind.TICKET_KIND_COMPLAINT);
		assertThat(first.getPriority()).isEqualTo(TicketPriority.TICKET_PRIORITY_HIGH);
		assertThat(first.getStatus()).isEqualTo(TicketStatus.TICKET_STATUS_NEW);
		assertThat(first.getChannel()).isEqualTo(TicketChannel.TICKET_CHANNEL_EMAIL);
		assertThat(first.getTier()).isEqualTo(SlaTier.SLA_TIER_VIP);
		assertThat(first.getTierAssumed()).isFalse();
		assertThat(first.getSlaState()).isEqualTo(SlaState.SLA_STATE_BREACHED);
		assertThat(first.getOpenedAt().getSeconds()).isEqualTo(NOW.minus(Duration.ofHours(2)).getEpochSecond());
		assertThat(first.getFirstResponseDue().getSeconds()).isEqualTo(NOW.minus(Duration.ofHours(1)).getEpochSecond());
		assertThat(first.getResolutionDue().getSeconds()).isEqualTo(NOW.plus(Duration.ofHours(6)).getEpochSecond());
		assertThat(first.hasFirstRespondedAt()).isFalse();
		assertThat(first.getAssignee()).isEmpty();
		assertThat(first.getRequesterName()).isEqualTo("Alice Chen");
		assertThat(first.getRequesterEmail()).isEqualTo("alice.chen@acme-retail.example");
		assertThat(answer.getTickets(1).getSlaState()).isEqualTo(SlaState.SLA_STATE_ON_TRACK);
	}

	@Test
	void aCustomerGetsItsOwnTicketsButNotWhoRaisedThem() {
		ListOpenTicketsResponse answer = as(TestTokens.customer("acme-retail")).listOpenTickets(of(""));

		assertThat(answer.getTicketsList()).extracting(Ticket::getNumber).containsExactly("T-1001", "T-1002");
		assertThat(answer.getTicketsList()).allSatisfy(ticket -> {
			assertThat(ticket.getRequesterName()).isEmpty();
			assertThat(ticket.getRequesterEmail()).isEmpty();
		});
	}

	@Test
	void aCustomerAskingForAnotherOrganisationGetsWhatAnUnknownOrganisationGets() {
		ListOpenTicketsResponse foreign = as(TestTokens.customer("globex-trading")).listOpenTickets(of("acme-retail"));
		ListOpenTicketsResponse unknown = as(TestTokens.staff("agent")).listOpenTickets(of("no-such-organisation"));

		assertThat(foreign).isEqualTo(unknown);
		assertThat(foreign.getTicketsCount()).isZero();
		assertThat(foreign.getOpenCount()).isZero();
		assertThat(foreign.toString()).doesNotContain("ACME-1015");
	}

	@Test
	void aServiceReadsAnyOrganisationsTicketsButNotWhoRaisedThem() {
		ListOpenTicketsResponse answer = as(TestTokens.service()).listOpenTickets(of("globex-trading"));

		assertThat(answer.getTicketsList()).singleElement().satisfies(ticket -> {
			assertThat(ticket.getNumber()).isEqualTo("T-1003");
			assertThat(ticket.getRequesterName()).isEmpty();
		});
	}

	@Test
	void thePageIsTheMostUrgentAndTheCountsCoverAll() {
		ListOpenTicketsResponse answer = as(TestTokens.staff("manager"))
			.listOpenTickets(of("acme-retail").toBuilder().setPageSize(1).build());

		assertThat(answer.getTicketsList()).extracting(Ticket::getNumber).containsExactly("T-1001");
		assertThat(answer.getOpenCount()).isEqualTo(2);
	}

	@Test
	void anErasedRequesterIsSaidToBeErasedAndNamedToNobody() {
		store("acme-retail", "T-1004", "Raised by someone erased since", TicketKind.REQUEST, Duration.ofMinutes(1),
				Requester.ERASED);

		ListOpenTicketsResponse answer = as(TestTokens.staff("admin")).listOpenTickets(of("acme-retail"));

		assertThat(answer.getTickets(2).getNumber()).isEqualTo("T-1004");
		assertThat(answer.getTickets(2).getRequesterErased()).isTrue();
		assertThat(answer.getTickets(2).getRequesterName()).isEmpty();
		assertThat(answer.getTickets(2).getRequesterEmail()).isEmpty();
		assertThat(answer.getTickets(1).getRequesterErased()).isFalse();
	}

	@Test
	void staffNamingNoOrganisationIsAnInvalidArgumentWithItsCodesForTheCallerToSay() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("agent")).listOpenTickets(of(" ")))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				com.rapport.contracts.problem.v1.Problem problem = io.grpc.protobuf.StatusProto.fromThrowable(ex)
					.getDetailsList().stream().filter(d -> d.is(com.rapport.contracts.problem.v1.Problem.class))
					.findFirst().orElseThrow().unpack(com.rapport.contracts.problem.v1.Problem.class);
				assertThat(problem.getCode()).isEqualTo("ticket.organisation-required");
				assertThat(problem.getFields(0).getField()).isEqualTo("customerId");
				assertThat(problem.getFields(0).getCode()).isEqualTo("field.required");
				assertThat(ex.getStatus().getDescription()).isEqualTo("Name the organisation. customerId: is required.");
			});
	}

	@Test
	void aCallWithoutATokenIsUnauthenticatedAndAPartnersIsRefused() {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> stub.listOpenTickets(of("acme-retail")))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.partner("orders.read customers.read")).listOpenTickets(of("acme-retail")))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
	}
}
