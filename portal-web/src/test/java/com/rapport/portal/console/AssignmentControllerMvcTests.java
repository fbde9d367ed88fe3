package com.rapport.portal.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.rapport.contracts.problem.v1.FieldProblem;
import com.rapport.contracts.problem.v1.Problem;
import com.rapport.contracts.ticket.v1.BulkAssignRequest;
import com.rapport.contracts.ticket.v1.BulkAssignResult;
import com.rapport.contracts.ticket.v1.SupportTeam;
import com.rapport.contracts.ticket.v1.TeamAgent;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.portal.remote.AssignmentClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.portal.web.TicketPages;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AssignmentController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import({ PageTestConfiguration.class, TicketPages.class })
class AssignmentControllerMvcTests {

	static final SupportTeam QUALITY = SupportTeam.newBuilder().setId("quality-technical").setName("Quality & technical")
		.addCategories(TicketCategory.TICKET_CATEGORY_QUALITY).addCategories(TicketCategory.TICKET_CATEGORY_TECHNICAL)
		.addAgents(TeamAgent.newBuilder().setUserName("agent.li").setDisplayName("Li Na").addLanguages("zh-CN")
			.addLanguages("en").setMaxOpenTickets(20).setAvailable(true).setOpenTickets(6))
		.addAgents(TeamAgent.newBuilder().setUserName("manager.wang").setDisplayName("Wang Fang")
			.addCategories(TicketCategory.TICKET_CATEGORY_QUALITY).setMaxOpenTickets(8).setAvailable(false))
		.build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AssignmentClient assignment;

	@Test
	void staffSeeEachTeamWithItsAgentsLoadSkillsAndAvailabilityInBothLanguages() throws Exception {
		given(assignment.teams()).willReturn(List.of(QUALITY));

		Document page = page(by("agent", get("/console/teams")).andExpect(status().isOk()));
		Document zh = page(by("agent", get("/console/teams").param("lang", "zh-CN")));

		assertThat(page.select(".topbar .nav-teams").attr("href")).isEqualTo("/console/teams");
		assertThat(page.select("section.team[data-team=quality-technical] .team-name").text())
			.isEqualTo("Quality & technical");
		assertThat(page.select(".team-categories").text()).isEqualTo("Takes: Quality, Technical");
		assertThat(page.select("tr.team-agent[data-agent=agent.li] .agent-load").text()).isEqualTo("6 / 20");
		assertThat(page.select("tr.team-agent[data-agent=agent.li] td").get(2).text())
			.isEqualTo("Simplified Chinese, English");
		assertThat(page.select("tr.team-agent[data-agent=manager.wang] .agent-available").text()).isEqualTo("away");
		assertThat(page.select("table.team-agents").hasClass("stacked")).as("rows on a phone").isTrue();
		assertThat(page.select("a.edit-team, a.new-team")).as("agents do not keep teams").isEmpty();
		assertThat(zh.select("h1").text()).isEqualTo("客服团队");
		assertThat(zh.select("tr.team-agent[data-agent=manager.wang] .agent-available").text()).isEqualTo("不在");
	}

	@Test
	void aManagerChangesATeamThroughItsFormWithBlankRowsForNewAgents() throws Exception {
		given(assignment.teams()).willReturn(List.of(QUALITY));

		Document page = page(by("manager", get("/console/teams")));
		assertThat(page.select("a.edit-team").attr("href")).isEqualTo("/console/teams/quality-technical");
		Document form = page(by("manager", get("/console/teams/quality-technical")).andExpect(status().isOk()));

		assertThat(form.select("input[name=id]").val()).isEqualTo("quality-technical");
		assertThat(form.select("input[name=id]").hasAttr("readonly")).isTrue();
		assertThat(form.select("input[name=categories][checked]")).extracting(e -> e.val())
			.containsExactly("TICKET_CATEGORY_QUALITY", "TICKET_CATEGORY_TECHNICAL");
		assertThat(form.select("fieldset.team-agent-row")).hasSize(2 + AssignmentController.BLANK_ROWS);
		assertThat(form.select("input[name='agents[1].userName']").val()).isEqualTo("manager.wang");
		assertThat(form.select("input[name='agents[1].available']").hasAttr("checked")).isFalse();
		assertThat(form.select("input[name='agents[0].languages'][checked]")).hasSize(2);
		assertThat(form.select("input[name='agents[2].userName']").val()).isEmpty();
	}

	@Test
	void savingSendsTheTeamWithoutItsBlankRows() throws Exception {
		given(assignment.save(any())).willReturn(QUALITY);

		by("manager", post("/console/teams").param("id", "quality-technical").param("name", "Quality & technical")
			.param("categories", "TICKET_CATEGORY_QUALITY", "NOT_A_CATEGORY")
			.param("agents[0].userName", "agent.li").param("agents[0].displayName", "Li Na")
			.param("agents[0].languages", "zh-CN", "fr").param("agents[0].maxOpenTickets", "20")
			.param("agents[0].available", "true")
			.param("agents[1].userName", "").param("agents[1].displayName", "").param("agents[1].maxOpenTickets", "10")
			.param("agents[2].userName", "manager.wang").param("agents[2].displayName", "Wang Fang")
			.param("agents[2].categories", "TICKET_CATEGORY_QUALITY").param("agents[2].maxOpenTickets", "lots"))
			.andExpect(redirectedUrl("/console/teams?saved=quality-technical"));

		ArgumentCaptor<SupportTeam> sent = ArgumentCaptor.forClass(SupportTeam.class);
		verify(assignment).save(sent.capture());
		SupportTeam team = sent.getValue();
		assertThat(team.getCategoriesList()).containsExactly(TicketCategory.TICKET_CATEGORY_QUALITY);
		assertThat(team.getAgentsList()).extracting(TeamAgent::getUserName).containsExactly("agent.li", "manager.wang");
		assertThat(team.getAgents(0).getLanguagesList()).containsExactly("zh-CN");
		assertThat(team.getAgents(0).getAvailable()).isTrue();
		assertThat(team.getAgents(1).getAvailable()).isFalse();
		assertThat(team.getAgents(1).getMaxOpenTickets()).as("not a number: ticket-service refuses it").isZero();
	}

	@Test
	void aRefusedTeamShowsEachErrorBesideItsRowWithWhatWasTyped() throws Exception {
		given(assignment.save(any())).willThrow(new UnprocessableException(Message.of("assignment.cannot-save-team"),
				Map.of("agents[1].maxOpenTickets", Message.of("assignment.agent.cap-range", 1, 500))));

		Document page = page(by("manager", post("/console/teams").param("creating", "true").param("id", "night")
			.param("name", "Night shift")
			.param("agents[0].userName", "agent.li").param("agents[0].displayName", "Li Na")
			.param("agents[0].maxOpenTickets", "5")
			.param("agents[1].userName", "").param("agents[1].displayName", "")
			.param("agents[2].userName", "manager.wang").param("agents[2].displayName", "Wang Fang")
			.param("agents[2].maxOpenTickets", "0")).andExpect(status().isUnprocessableContent()));

		assertThat(page.select(".notice.error").text()).isEqualTo("The team cannot be saved.");
		// ticket-service numbered the two agents it was sent: its second is the form's third row.
		assertThat(page.select("#agent-2-cap + .field-error").text()).isEqualTo("must be between 1 and 500");
		assertThat(page.select("input[name='agents[2].userName']").val()).isEqualTo("manager.wang");
		assertThat(page.select("input[name=id]").hasAttr("readonly")).as("still a new team").isFalse();
	}

	@Test
	void agentsMayNotOpenOrSaveATeamsForm() throws Exception {
		by("agent", get("/console/teams/new")).andExpect(status().isForbidden());
		by("agent", post("/console/teams").param("id", "x")).andExpect(status().isForbidden());
		mvc.perform(get("/console/teams").with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
		verifyNoInteractions(assignment);
	}

	@Test
	void bulkAssignmentSaysEachTicketsOutcome() throws Exception {
		given(assignment.teams()).willReturn(List.of(QUALITY));
		given(assignment.bulkAssign(any())).willReturn(List.of(
				BulkAssignResult.newBuilder().setTicketId("T-1001").setTicketNumber("T-1001").setAssigned(true).build(),
				BulkAssignResult.newBuilder().setTicketId("T-1002").setAssigned(false)
					.setProblem(Problem.newBuilder().setCode("ticket.cannot-assign").addFields(FieldProblem.newBuilder()
						.setField("reason").setCode("ticket.reassign.reason-required")))
					.build()));

		Document page = page(by("agent", post("/console/tickets/bulk-assignment").param("ticket", "T-1001", "T-1002")
			.param("assigneeId", "agent.li")).andExpect(status().isOk()));

		ArgumentCaptor<BulkAssignRequest> sent = ArgumentCaptor.forClass(BulkAssignRequest.class);
		verify(assignment).bulkAssign(sent.capture());
		assertThat(sent.getValue().getTicketIdsList()).containsExactly("T-1001", "T-1002");
		assertThat(sent.getValue().getAssigneeName()).isEqualTo("Li Na");
		assertThat(page.select("tr.bulk-outcome.assigned[data-ticket=T-1001] .outcome").text())
			.isEqualTo("Assigned to agent.li");
		assertThat(page.select("tr.bulk-outcome.refused[data-ticket=T-1002] .outcome").text())
			.isEqualTo("The ticket cannot be assigned. Reason: is required to give a ticket another agent");
	}

	@Test
	void aBulkAssignmentWithNothingChosenIsAFormErrorNotAFailure() throws Exception {
		given(assignment.bulkAssign(any())).willThrow(new UnprocessableException(Message.of("ticket.cannot-bulk-assign"),
				Map.of("ticketIds", Message.of("field.required"))));

		Document page = page(by("agent", post("/console/tickets/bulk-assignment").param("assigneeId", "agent.li"))
			.andExpect(status().isUnprocessableContent()));

		assertThat(page.select(".notice.error").text()).isEqualTo("The tickets cannot be assigned.");
		assertThat(page.select("li.field-error[data-field=ticketIds]").text()).startsWith("Tickets: ");
		assertThat(page.select("table.bulk-outcomes")).isEmpty();
	}

	private ResultActions by(String role, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(TestTokens.staff(role))));
	}

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}
}
