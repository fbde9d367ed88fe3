package com.rapport.ticket.sla.grpc;

import java.time.Duration;

import com.google.protobuf.InvalidProtocolBufferException;
import com.rapport.contracts.problem.v1.Problem;
import com.rapport.contracts.ticket.v1.BusinessCalendar;
import com.rapport.contracts.ticket.v1.ChangePriorityRequest;
import com.rapport.contracts.ticket.v1.Holiday;
import com.rapport.contracts.ticket.v1.ListBusinessCalendarsRequest;
import com.rapport.contracts.ticket.v1.ListSlaPoliciesRequest;
import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.SaveBusinessCalendarRequest;
import com.rapport.contracts.ticket.v1.SaveSlaPolicyRequest;
import com.rapport.contracts.ticket.v1.SlaPolicy;
import com.rapport.contracts.ticket.v1.SlaTier;
import com.rapport.contracts.ticket.v1.Ticket;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketIntakeServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TicketPriority;
import com.rapport.contracts.ticket.v1.TicketSlaSettingsServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketWorkflowServiceGrpc;
import com.rapport.contracts.ticket.v1.WorkingHours;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestTokens;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.TicketDeskTest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/**
 * The SLA settings and the change of priority over the in-process transport, with the real security
 * interceptor and store: what the console's forms send and the refusals' field codes they show.
 */
@TicketDeskTest
class SlaSettingsGrpcTests {

	static final ManagedChannel channel = InProcessChannelBuilder.forName(TicketDeskTest.SERVER).directExecutor()
		.build();

	static final String AGENT = TestTokens.staff("agent");

	static final String MANAGER = TestTokens.staff("manager");

	static final String ALICE = TestTokens.customer("acme-retail");

	@Autowired
	MongoTemplate mongo;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() {
		mongo.dropCollection(com.rapport.ticket.sla.SlaPolicy.class);
		mongo.dropCollection(com.rapport.ticket.sla.BusinessCalendar.class);
		given(customers.tierOf(anyString())).willReturn(Tier.VIP);
	}

	private static TicketSlaSettingsServiceGrpc.TicketSlaSettingsServiceBlockingStub settings(String token) {
		return TicketSlaSettingsServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	@Test
	void staffReadThePoliciesInWholeMinutesAndTheStandardCalendar() {
		var policies = settings(AGENT).listSlaPolicies(ListSlaPoliciesRequest.getDefaultInstance()).getPoliciesList();

		assertThat(policies).hasSize(12);
		assertThat(policies).filteredOn(p -> p.getTier() == SlaTier.SLA_TIER_NORMAL
				&& p.getPriority() == TicketPriority.TICKET_PRIORITY_NORMAL).singleElement().satisfies(p -> {
					assertThat(p.getFirstResponseMinutes()).isEqualTo(24 * 60);
					assertThat(p.getResolutionMinutes()).isEqualTo(48 * 60);
					assertThat(p.getCalendarId()).isEqualTo("standard");
					assertThat(p.hasUpdatedAt()).isFalse();
				});
		assertThat(settings(AGENT).listBusinessCalendars(ListBusinessCalendarsRequest.getDefaultInstance())
			.getCalendarsList()).extracting(BusinessCalendar::getId).containsExactly("standard");
	}

	@Test
	void aManagerSavesACalendarAndAPolicyOnIt() {
		BusinessCalendar saved = settings(MANAGER).saveBusinessCalendar(SaveBusinessCalendarRequest.newBuilder()
			.setCalendar(BusinessCalendar.newBuilder().setId("shanghai-office").setName("Shanghai office")
				.setTimeZone("Asia/Shanghai")
				.addHours(WorkingHours.newBuilder().setDay(1).setFrom("09:00").setTo("18:00"))
				.addHolidays(Holiday.newBuilder().setDate("2026-10-01").setNameZh("国庆节").setNameEn("National Day")))
			.build());
		assertThat(saved.getUpdatedBy()).isNotEmpty();
		assertThat(saved.getHolidays(0).getNameZh()).isEqualTo("国庆节");

		SlaPolicy policy = settings(MANAGER).saveSlaPolicy(SaveSlaPolicyRequest.newBuilder()
			.setPolicy(SlaPolicy.newBuilder().setTier(SlaTier.SLA_TIER_VIP).setPriority(TicketPriority.TICKET_PRIORITY_URGENT)
				.setFirstResponseMinutes(10).setNextReplyMinutes(20).setResolutionMinutes(120)
				.setCalendarId("shanghai-office"))
			.build());
		assertThat(policy.getCalendarId()).isEqualTo("shanghai-office");
		assertThat(policy.hasUpdatedAt()).isTrue();
	}

	@Test
	void aBadPolicyIsAnInvalidArgumentNamingEachFieldWithItsCode() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> settings(MANAGER).saveSlaPolicy(SaveSlaPolicyRequest.newBuilder()
				.setPolicy(SlaPolicy.newBuilder().setTier(SlaTier.SLA_TIER_KEY)
					.setPriority(TicketPriority.TICKET_PRIORITY_HIGH).setFirstResponseMinutes(120)
					.setNextReplyMinutes(60).setResolutionMinutes(60).setCalendarId("nowhere"))
				.build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				Problem problem = problem(ex);
				assertThat(problem.getCode()).isEqualTo("sla.cannot-save-policy");
				assertThat(problem.getFieldsList()).extracting(f -> f.getField() + ":" + f.getCode())
					.containsExactlyInAnyOrder("resolution:sla.resolution.before-first-response",
							"calendarId:sla.calendar.unknown");
			});
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> settings(MANAGER).saveBusinessCalendar(SaveBusinessCalendarRequest.newBuilder()
				.setCalendar(BusinessCalendar.newBuilder().setId("x").setName("X").setTimeZone("UTC")
					.addHours(WorkingHours.newBuilder().setDay(1).setFrom("09:00").setTo("18:00"))
					.addHolidays(Holiday.newBuilder().setDate("1 October").setNameZh("国庆节").setNameEn("National Day")))
				.build()))
			.satisfies(ex -> assertThat(problem(ex).getFieldsList()).extracting(f -> f.getField() + ":" + f.getCode())
				.containsExactly("holidays[0].date:sla.calendar.date-format"));
	}

	@Test
	void staffChangeATicketsPriorityAndItsDueTimesMove() {
		Ticket ticket = TicketIntakeServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(ALICE))
			.openTicket(OpenTicketRequest.newBuilder().setSubject("Chairs wobble").setBody("Two chairs wobble")
				.setKind(TicketKind.TICKET_KIND_COMPLAINT).setCategory(TicketCategory.TICKET_CATEGORY_QUALITY).build())
			.getTicket();
		var workflow = TicketWorkflowServiceGrpc.newBlockingStub(channel);
		ChangePriorityRequest urgent = ChangePriorityRequest.newBuilder().setTicketId(ticket.getNumber())
			.setPriority(TicketPriority.TICKET_PRIORITY_URGENT).setReason("Their shop opens tomorrow").build();

		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> workflow.withCallCredentials(CallTokens.bearer(ALICE)).changePriority(urgent))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		TicketDetail changed = workflow.withCallCredentials(CallTokens.bearer(AGENT)).changePriority(urgent);

		assertThat(changed.getTicket().getPriority()).isEqualTo(TicketPriority.TICKET_PRIORITY_URGENT);
		// VIP: 8 h to the resolution at normal priority, a quarter of it when urgent (round the clock here).
		assertThat(changed.getTicket().getResolutionDue().getSeconds() - ticket.getResolutionDue().getSeconds())
			.isEqualTo(-Duration.ofHours(6).toSeconds());
		assertThat(changed.getTicket().getSlaCalendarId()).isEqualTo("standard");
		assertThat(changed.getMessagesList()).last().satisfies(note -> assertThat(note.getInternal()).isTrue());
	}

	private static Problem problem(StatusRuntimeException ex) {
		try {
			return StatusProto.fromThrowable(ex).getDetailsList().stream().filter(d -> d.is(Problem.class)).findFirst()
				.orElseThrow().unpack(Problem.class);
		}
		catch (InvalidProtocolBufferException e) {
			throw new AssertionError(e);
		}
	}
}
