package com.rapport.ticket.assignment.grpc;

import java.util.List;
import java.util.stream.IntStream;

import com.rapport.contracts.problem.v1.FieldProblem;
import com.rapport.contracts.problem.v1.Problem;
import com.rapport.contracts.ticket.v1.AssignRequest;
import com.rapport.contracts.ticket.v1.BulkAssignRequest;
import com.rapport.contracts.ticket.v1.BulkAssignResponse;
import com.rapport.contracts.ticket.v1.BulkAssignResult;
import com.rapport.contracts.ticket.v1.GetTicketRequest;
import com.rapport.contracts.ticket.v1.ListTeamsRequest;
import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.SaveTeamRequest;
import com.rapport.contracts.ticket.v1.SupportTeam;
import com.rapport.contracts.ticket.v1.TeamAgent;
import com.rapport.contracts.ticket.v1.TicketAssignmentServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketConversationServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketIntakeServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TicketMessage;
import com.rapport.contracts.ticket.v1.TicketWorkflowServiceGrpc;
import com.rapport.support.audit.AuditEvent;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.test.TestTokens;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.TicketDeskTest;
import com.rapport.ticket.ticket.TicketRepository;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static com.rapport.ticket.GrpcProblems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/** Support teams and bulk assignment over gRPC, in process, with test tokens: who may, what is refused, audited. */
@TicketDeskTest
class AssignmentGrpcTests {

	static final ManagedChannel channel = InProcessChannelBuilder.forName(TicketDeskTest.SERVER).directExecutor()
		.build();

	static final String ALICE = TestTokens.customer("acme-retail");

	static final String AGENT = TestTokens.staff("agent");

	static final String MANAGER = TestTokens.staff("manager");

	@Autowired
	TicketRepository tickets;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoAuditTrail audit;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() {
		tickets.deleteAll();
		mongo.remove(new Query(), com.rapport.ticket.assignment.SupportTeam.class);
		given(customers.tierOf(anyString())).willReturn(Tier.KEY);
	}

	private static TicketAssignmentServiceGrpc.TicketAssignmentServiceBlockingStub assignment(String token) {
		return TicketAssignmentServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static String raised() {
		return TicketIntakeServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(ALICE))
			.openTicket(OpenTicketRequest.newBuilder().setSubject("Chairs wobble").setBody("Two chairs wobble")
				.setKind(TicketKind.TICKET_KIND_REQUEST).setCategory(TicketCategory.TICKET_CATEGORY_QUALITY).build())
			.getTicket().getNumber();
	}

	private static SupportTeam.Builder team() {
		return SupportTeam.newBuilder().setId("quality").setName("Quality")
			.addCategories(TicketCategory.TICKET_CATEGORY_QUALITY)
			.addAgents(TeamAgent.newBuilder().setUserName("agent.li").setDisplayName("Li Na").addLanguages("zh-CN")
				.setMaxOpenTickets(5).setAvailable(true))
			.addAgents(TeamAgent.newBuilder().setUserName("staff-manager").setDisplayName("Wang Fang")
				.addCategories(TicketCategory.TICKET_CATEGORY_QUALITY).setMaxOpenTickets(3).setAvailable(false));
	}

	@Test
	void aManagerKeepsATeamStaffReadItWithEachAgentsOpenTicketsAndItIsAudited() {
		NewAuditEntries mark = NewAuditEntries.since(audit);
		SupportTeam saved = assignment(MANAGER).saveTeam(SaveTeamRequest.newBuilder().setTeam(team()).build());
		assertThat(saved.getUpdatedBy()).isEqualTo("staff-manager");
		assertThat(saved.hasUpdatedAt()).isTrue();
		String number = raised();
		TicketWorkflowServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(MANAGER))
			.assign(AssignRequest.newBuilder().setTicketId(number).build());

		List<SupportTeam> teams = assignment(AGENT).listTeams(ListTeamsRequest.getDefaultInstance()).getTeamsList();

		assertThat(teams).singleElement().satisfies(team -> {
			assertThat(team.getCategoriesList()).containsExactly(TicketCategory.TICKET_CATEGORY_QUALITY);
			assertThat(team.getAgentsList()).extracting(TeamAgent::getUserName, TeamAgent::getOpenTickets,
					TeamAgent::getAvailable)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("agent.li", 0, true),
						org.assertj.core.groups.Tuple.tuple("staff-manager", 1, false));
		});
		List<AuditEvent> events = mark.events();
		assertThat(events).filteredOn(e -> e.action().equals("assignment.team-changed")).singleElement()
			.satisfies(e -> {
				assertThat(e.actor()).isEqualTo("staff-manager");
				assertThat(e.recordId()).isEqualTo("quality");
				assertThat(e.details()).containsEntry("agents", "none -> agent.li/5,staff-manager(away)/3");
			});
	}

	@Test
	void onlyManagersKeepTeamsAndEveryBadFieldIsNamed() throws Exception {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> assignment(AGENT).saveTeam(SaveTeamRequest.newBuilder().setTeam(team()).build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));

		SupportTeam bad = SupportTeam.newBuilder().setId("No Spaces").setName(" ")
			.addCategories(TicketCategory.TICKET_CATEGORY_QUALITY).addCategories(TicketCategory.TICKET_CATEGORY_QUALITY)
			.addAgents(TeamAgent.newBuilder().setUserName("li na").setDisplayName("Li Na").setMaxOpenTickets(0))
			.addAgents(TeamAgent.newBuilder().setUserName("wang").setDisplayName("").addLanguages("fr").setMaxOpenTickets(3))
			.addAgents(TeamAgent.newBuilder().setUserName("wang").setDisplayName("Wang").setMaxOpenTickets(501))
			.build();
		StatusRuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
				() -> assignment(MANAGER).saveTeam(SaveTeamRequest.newBuilder().setTeam(bad).build()));

		assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		Problem problem = problem(refused);
		assertThat(problem.getCode()).isEqualTo("assignment.cannot-save-team");
		assertThat(problem.getFieldsList()).extracting(FieldProblem::getField, FieldProblem::getCode).contains(
				org.assertj.core.groups.Tuple.tuple("id", "assignment.team.id-format"),
				org.assertj.core.groups.Tuple.tuple("name", "field.required"),
				org.assertj.core.groups.Tuple.tuple("categories", "assignment.team.category-twice"),
				org.assertj.core.groups.Tuple.tuple("agents[0].userName", "assignment.agent.user-name-format"),
				org.assertj.core.groups.Tuple.tuple("agents[0].maxOpenTickets", "assignment.agent.cap-range"),
				org.assertj.core.groups.Tuple.tuple("agents[1].displayName", "field.required"),
				org.assertj.core.groups.Tuple.tuple("agents[1].languages", "assignment.agent.language"),
				org.assertj.core.groups.Tuple.tuple("agents[2].userName", "assignment.agent.twice"),
				org.assertj.core.groups.Tuple.tuple("agents[2].maxOpenTickets", "assignment.agent.cap-range"));
		assertThat(assignment(AGENT).listTeams(ListTeamsRequest.getDefaultInstance()).getTeamsList()).isEmpty();

		StatusRuntimeException noAgents = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
				() -> assignment(MANAGER).saveTeam(SaveTeamRequest.newBuilder()
					.setTeam(SupportTeam.newBuilder().setId("empty").setName("Empty")).build()));
		assertThat(problem(noAgents).getFieldsList()).extracting(FieldProblem::getField, FieldProblem::getCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("agents", "assignment.team.no-agents"));
	}

	@Test
	void bulkAssignmentGivesEachTicketToTheAgentAndSaysWhyOneCannotBe() {
		String first = raised();
		String second = raised();
		String taken = raised();
		TicketWorkflowServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(MANAGER))
			.assign(AssignRequest.newBuilder().setTicketId(taken).build());
		NewAuditEntries mark = NewAuditEntries.since(audit);

		BulkAssignResponse answer = assignment(AGENT).bulkAssign(BulkAssignRequest.newBuilder().addTicketIds(first)
			.addTicketIds(second).addTicketIds(taken).addTicketIds("T-99999").setAssigneeId("agent.li")
			.setAssigneeName("Li Na").build());

		assertThat(answer.getResultsList()).extracting(BulkAssignResult::getTicketId, BulkAssignResult::getAssigned)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(first, true),
					org.assertj.core.groups.Tuple.tuple(second, true),
					org.assertj.core.groups.Tuple.tuple(taken, false),
					org.assertj.core.groups.Tuple.tuple("T-99999", false));
		assertThat(answer.getResults(0).getTicketNumber()).isEqualTo(first);
		assertThat(answer.getResults(2).getProblem().getCode()).isEqualTo("ticket.cannot-assign");
		assertThat(answer.getResults(2).getProblem().getFieldsList()).extracting(FieldProblem::getField,
				FieldProblem::getCode).containsExactly(
						org.assertj.core.groups.Tuple.tuple("reason", "ticket.reassign.reason-required"));
		assertThat(answer.getResults(3).getProblem().getCode()).isEqualTo("ticket.not-found");
		assertThat(tickets.findByNumber(first).orElseThrow().assignee()).isEqualTo("Li Na");
		assertThat(tickets.findByNumber(taken).orElseThrow().assigneeId()).isEqualTo("staff-manager");
		assertThat(mark.events()).extracting(AuditEvent::action).containsExactly("ticket.assigned", "ticket.assigned");

		// With the reason, the ticket another agent had changes hands too, the reason kept as a note on it.
		BulkAssignResponse again = assignment(AGENT).bulkAssign(BulkAssignRequest.newBuilder().addTicketIds(taken)
			.setAssigneeId("agent.li").setReason("Wang Fang is on leave").build());
		assertThat(again.getResults(0).getAssigned()).isTrue();
		assertThat(TicketConversationServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(AGENT))
			.getTicket(GetTicketRequest.newBuilder().setTicketId(taken).build()).getMessagesList())
			.extracting(TicketMessage::getBody).contains("Wang Fang is on leave");
	}

	@Test
	void aBulkAssignmentWithoutTicketsOrAgentOrWithTooManyIsRefusedNamingTheFields() throws Exception {
		StatusRuntimeException empty = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
				() -> assignment(AGENT).bulkAssign(BulkAssignRequest.getDefaultInstance()));
		assertThat(empty.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(problem(empty).getCode()).isEqualTo("ticket.cannot-bulk-assign");
		assertThat(problem(empty).getFieldsList()).extracting(FieldProblem::getField, FieldProblem::getCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ticketIds", "field.required"),
					org.assertj.core.groups.Tuple.tuple("assigneeId", "field.required"));

		BulkAssignRequest.Builder many = BulkAssignRequest.newBuilder().setAssigneeId("agent.li");
		IntStream.range(0, 101).forEach(i -> many.addTicketIds("T-" + (1000 + i)));
		StatusRuntimeException tooMany = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
				() -> assignment(AGENT).bulkAssign(many.build()));
		assertThat(problem(tooMany).getFieldsList()).extracting(FieldProblem::getField, FieldProblem::getCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ticketIds", "assignment.bulk.too-many"));

		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> assignment(ALICE).bulkAssign(BulkAssignRequest.newBuilder().addTicketIds("T-1")
				.setAssigneeId("agent.li").build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
	}
}
