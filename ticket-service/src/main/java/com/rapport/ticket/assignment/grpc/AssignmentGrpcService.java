package com.rapport.ticket.assignment.grpc;

import java.time.Instant;
import java.util.List;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.problem.v1.FieldProblem;
import com.rapport.contracts.problem.v1.Problem;
import com.rapport.contracts.ticket.v1.BulkAssignRequest;
import com.rapport.contracts.ticket.v1.BulkAssignResponse;
import com.rapport.contracts.ticket.v1.BulkAssignResult;
import com.rapport.contracts.ticket.v1.ListTeamsRequest;
import com.rapport.contracts.ticket.v1.ListTeamsResponse;
import com.rapport.contracts.ticket.v1.SaveTeamRequest;
import com.rapport.contracts.ticket.v1.TicketAssignmentServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.support.security.Caller;
import com.rapport.ticket.assignment.BulkAssignment;
import com.rapport.ticket.assignment.SupportTeam;
import com.rapport.ticket.assignment.SupportTeams;
import com.rapport.ticket.assignment.TeamAgent;
import com.rapport.ticket.ticket.Category;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The support teams and bulk assignment over gRPC; the rules are {@link SupportTeams}' and {@link BulkAssignment}'s. */
@GrpcService
class AssignmentGrpcService extends TicketAssignmentServiceGrpc.TicketAssignmentServiceImplBase {

	private static final String CATEGORY_PREFIX = "TICKET_CATEGORY_";

	private final SupportTeams teams;

	private final BulkAssignment bulk;

	AssignmentGrpcService(SupportTeams teams, BulkAssignment bulk) {
		this.teams = teams;
		this.bulk = bulk;
	}

	@Override
	public void listTeams(ListTeamsRequest request, StreamObserver<ListTeamsResponse> response) {
		ListTeamsResponse.Builder answer = ListTeamsResponse.newBuilder();
		teams.list(Caller.current()).forEach(load -> {
			com.rapport.contracts.ticket.v1.SupportTeam.Builder team = proto(load.team()).toBuilder();
			for (int i = 0; i < team.getAgentsCount(); i++) {
				var agent = team.getAgents(i);
				team.setAgents(i, agent.toBuilder()
					.setOpenTickets(load.openTickets().getOrDefault(agent.getUserName(), 0L).intValue()));
			}
			answer.addTeams(team);
		});
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void saveTeam(SaveTeamRequest request, StreamObserver<com.rapport.contracts.ticket.v1.SupportTeam> response) {
		Caller caller = Caller.current();
		var given = request.getTeam();
		List<TeamAgent> agents = given.getAgentsList().stream()
			.map(a -> new TeamAgent(a.getUserName(), a.getDisplayName(), categories(a.getCategoriesList()),
					a.getLanguagesList().stream().map(String::strip).toList(), a.getMaxOpenTickets(), a.getAvailable()))
			.toList();
		SupportTeam team = new SupportTeam(given.getId(), given.getName(), categories(given.getCategoriesList()), agents,
				null, null);
		response.onNext(proto(teams.save(caller, team)));
		response.onCompleted();
	}

	@Override
	public void bulkAssign(BulkAssignRequest request, StreamObserver<BulkAssignResponse> response) {
		BulkAssignResponse.Builder answer = BulkAssignResponse.newBuilder();
		for (BulkAssignment.Result result : bulk.assign(Caller.current(), request.getTicketIdsList(),
				request.getAssigneeId(), request.getAssigneeName(), request.getReason())) {
			BulkAssignResult.Builder one = BulkAssignResult.newBuilder().setTicketId(result.ticketId())
				.setAssigned(result.assigned());
			if (result.number() != null) {
				one.setTicketNumber(result.number());
			}
			if (result.reason() != null) {
				Problem.Builder problem = Problem.newBuilder().setCode(result.reason().code())
					.addAllArgs(result.reason().args());
				result.fields().forEach((field, message) -> problem.addFields(FieldProblem.newBuilder()
					.setField(field).setCode(message.code()).addAllArgs(message.args())));
				one.setProblem(problem);
			}
			answer.addResults(one);
		}
		response.onNext(answer.build());
		response.onCompleted();
	}

	private static com.rapport.contracts.ticket.v1.SupportTeam proto(SupportTeam team) {
		var builder = com.rapport.contracts.ticket.v1.SupportTeam.newBuilder().setId(team.id()).setName(team.name())
			.addAllCategories(protos(team.categories()));
		for (TeamAgent agent : team.agents()) {
			builder.addAgents(com.rapport.contracts.ticket.v1.TeamAgent.newBuilder().setUserName(agent.userName())
				.setDisplayName(agent.displayName() == null ? "" : agent.displayName())
				.addAllCategories(protos(agent.categories())).addAllLanguages(agent.languages())
				.setMaxOpenTickets(agent.maxOpenTickets()).setAvailable(agent.available()));
		}
		if (team.updatedAt() != null) {
			builder.setUpdatedAt(timestamp(team.updatedAt()));
		}
		if (team.updatedBy() != null) {
			builder.setUpdatedBy(team.updatedBy());
		}
		return builder.build();
	}

	private static List<TicketCategory> protos(List<Category> categories) {
		return categories.stream().map(c -> TicketCategory.valueOf(CATEGORY_PREFIX + c.name())).toList();
	}

	/** The categories named; an unspecified or unknown one is a bad request. */
	private static List<Category> categories(List<TicketCategory> categories) {
		return categories.stream().map(c -> {
			if (c == TicketCategory.TICKET_CATEGORY_UNSPECIFIED || c == TicketCategory.UNRECOGNIZED) {
				throw new IllegalArgumentException("Unknown value of categories");
			}
			return Category.valueOf(c.name().substring(CATEGORY_PREFIX.length()));
		}).toList();
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}
}
