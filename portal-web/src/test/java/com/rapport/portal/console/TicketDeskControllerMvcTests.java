package com.rapport.portal.console;

import java.nio.charset.StandardCharsets;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.contracts.ticket.v1.AssigneeFilter;
import com.rapport.contracts.ticket.v1.ListTicketsRequest;
import com.rapport.contracts.ticket.v1.ListTicketsResponse;
import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.SlaState;
import com.rapport.contracts.ticket.v1.SlaTier;
import com.rapport.contracts.ticket.v1.Ticket;
import com.rapport.contracts.ticket.v1.TicketAuthorKind;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketChannel;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TicketMessage;
import com.rapport.contracts.ticket.v1.TicketPriority;
import com.rapport.contracts.ticket.v1.TicketStateFilter;
import com.rapport.contracts.ticket.v1.TicketStatus;
import com.rapport.contracts.ticket.v1.TicketTransition;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.remote.TicketDeskClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.portal.web.TicketPages;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import io.grpc.Status;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(TicketDeskController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import({ PageTestConfiguration.class, TicketPages.class })
class TicketDeskControllerMvcTests {

	static final Timestamp OPENED = Timestamp.newBuilder().setSeconds(1_764_556_200L).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TicketDeskClient desk;

	@MockitoBean
	CustomerClient customers;

	@MockitoBean
	com.rapport.portal.remote.AssignmentClient assignment;

	@MockitoBean
	com.rapport.portal.remote.MacroClient macros;

	@MockitoBean
	com.rapport.portal.remote.CommitmentClient commitments;

	static com.rapport.contracts.ticket.v1.Commitment.Builder promise(String id, String ownerId, String ownerName) {
		return com.rapport.contracts.ticket.v1.Commitment.newBuilder().setId(id)
			.setKind(com.rapport.contracts.ticket.v1.CommitmentKind.COMMITMENT_KIND_CALL_BACK)
			.setWhat("Call Alice back about " + id).setOwnerId(ownerId).setOwnerName(ownerName)
			.setDueAt(Timestamp.newBuilder().setSeconds(OPENED.getSeconds() + 86_400))
			.setStatus(com.rapport.contracts.ticket.v1.CommitmentStatus.COMMITMENT_STATUS_OPEN).setMadeAt(OPENED)
			.setMadeByName("Li Na");
	}

	@Test
	void theTicketPageShowsEachPromiseWithItsStateAndOffersKeepingItToItsOwnerOnly() throws Exception {
		Timestamp later = Timestamp.newBuilder().setSeconds(OPENED.getSeconds() + 90_000).build();
		given(desk.ticket("T-1001")).willReturn(detail().toBuilder()
			.addCommitments(promise("mine", "staff-agent", "Li Na").setRemindedAt(later))
			.addCommitments(promise("theirs", "agent.zhou", "Zhou Min"))
			.addCommitments(promise("overdue", "staff-agent", "Li Na").setBroken(true))
			.addCommitments(promise("late", "staff-agent", "Li Na").setBroken(true)
				.setStatus(com.rapport.contracts.ticket.v1.CommitmentStatus.COMMITMENT_STATUS_KEPT).setKeptAt(later))
			.addCommitments(promise("dropped", "staff-agent", "Li Na")
				.setStatus(com.rapport.contracts.ticket.v1.CommitmentStatus.COMMITMENT_STATUS_CANCELLED)
				.setCancelledAt(later).setCancelReason("Customer picked them up"))
			.build());

		Document page = page(agent(get("/console/tickets/T-1001")).andExpect(status().isOk()));

		assertThat(page.select("li.commitment")).extracting(e -> e.attr("data-commitment") + "=" + e.attr("data-state"))
			.containsExactly("mine=open", "theirs=open", "overdue=overdue", "late=kept-late", "dropped=cancelled");
		assertThat(page.select("li[data-commitment=mine] .commitment-what").text()).isEqualTo("Call Alice back about mine");
		assertThat(page.select("li[data-commitment=mine] .commitment-kind").text()).isEqualTo("Call back");
		assertThat(page.select("li[data-commitment=mine] .commitment-reminded").text()).startsWith("Reminder sent");
		assertThat(page.select("li[data-commitment=theirs] .commitment-owner").text()).contains("Zhou Min");
		assertThat(page.select("li[data-commitment=late] .commitment-state").text()).contains("counted as broken");
		assertThat(page.select("li[data-commitment=dropped] .commitment-state").text())
			.contains("Customer picked them up");
		// Keeping is for the owner (or a manager); cancelling with a reason for any staff; done ones have neither.
		assertThat(page.select("form.keep-commitment")).extracting(e -> e.attr("action")).containsExactly(
				"/console/tickets/T-1001/commitments/mine/kept", "/console/tickets/T-1001/commitments/overdue/kept");
		assertThat(page.select("form.cancel-commitment")).hasSize(3);
		assertThat(page.select("form.commitment-form select[name=kind] option")).extracting(e -> e.val()).containsExactly(
				"", "COMMITMENT_KIND_CALL_BACK", "COMMITMENT_KIND_FIX", "COMMITMENT_KIND_CREDIT_NOTE",
				"COMMITMENT_KIND_OTHER");
		assertThat(page.select("form.commitment-form input[type=datetime-local][name=due]")).hasSize(1);
	}

	@Test
	void aPromiseIsRecordedDueAtTheTimeTypedInTheViewersZone() throws Exception {
		given(desk.ticket("T-1001")).willReturn(detail());
		given(assignment.teams()).willReturn(java.util.List.of(TEAM));
		Document form = page(agent(get("/console/tickets/T-1001")));
		String label = form.select("label[for=commitment-due]").text();
		java.time.ZoneId zone = java.time.ZoneId.of(label.substring(label.indexOf(", ") + 2, label.indexOf(')')));

		agent(post("/console/tickets/T-1001/commitments").with(csrf()).param("kind", "COMMITMENT_KIND_FIX")
			.param("what", " Replace the crushed pallets ").param("ownerId", "manager.wang")
			.param("due", "2026-12-11T17:30")).andExpect(redirectedUrl("/console/tickets/T-1001#commitments"));

		verify(commitments).record("T-1001", com.rapport.contracts.ticket.v1.CommitmentKind.COMMITMENT_KIND_FIX,
				"Replace the crushed pallets", "manager.wang", "Wang Fang",
				java.time.LocalDateTime.parse("2026-12-11T17:30").atZone(zone).toInstant());
	}

	@Test
	void aRefusedPromiseNamesEachFieldInTheReadersLanguageAndKeepsWhatWasTyped() throws Exception {
		given(desk.ticket("T-1001")).willReturn(detail());
		Document unreadable = page(agent(post("/console/tickets/T-1001/commitments").with(csrf())
			.param("kind", "COMMITMENT_KIND_CALL_BACK").param("what", "Ring back").param("due", "Friday")
			.header("Accept-Language", "zh-CN")).andExpect(status().isUnprocessableContent()));
		assertThat(unreadable.select("#commitment-due + .field-error").text()).isEqualTo("请输入日期和时间");
		assertThat(unreadable.select("#commitment-what").text()).isEqualTo("Ring back");
		verifyNoInteractions(commitments);

		java.util.Map<String, Message> fields = new java.util.LinkedHashMap<>();
		fields.put("kind", Message.of("commitment.kind.required"));
		fields.put("dueAt", Message.of("commitment.due.future"));
		given(commitments.record(any(), any(), any(), any(), any(), any()))
			.willThrow(new UnprocessableException(Message.of("commitment.cannot-record"), fields));
		Document refused = page(agent(post("/console/tickets/T-1001/commitments").with(csrf()).param("kind", "")
			.param("what", "Ring back").param("due", "2020-01-01T09:00").header("Accept-Language", "zh-CN"))
			.andExpect(status().isUnprocessableContent()));
		assertThat(refused.select("p.notice.error").text()).isEqualTo("无法记录此承诺。");
		assertThat(refused.select("#commitment-kind + .field-error").text()).isEqualTo("请选择承诺的类型");
		assertThat(refused.select("#commitment-due + .field-error").text()).isEqualTo("必须晚于当前时间");
		assertThat(refused.select("#commitment-due").val()).isEqualTo("2020-01-01T09:00");

		given(commitments.keep("T-1001", "c1")).willThrow(new ConflictException(Message.of("commitment.kept-already")));
		Document conflict = page(agent(post("/console/tickets/T-1001/commitments/c1/kept").with(csrf()))
			.andExpect(status().isConflict()));
		assertThat(conflict.select("p.notice.error").text()).isEqualTo("This commitment is kept already.");
		mvc.perform(post("/console/tickets/T-1001/commitments/c1/kept").with(csrf())
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
	}

	@Test
	void aMacroIsInsertedIntoTheReplyFilledInForTheTicketInItsContactsLanguage() throws Exception {
		given(desk.ticket("T-1001")).willReturn(detail());
		given(macros.macros()).willReturn(java.util.List.of(com.rapport.contracts.ticket.v1.Macro.newBuilder()
			.setId("m-1").setName("Apology").build()));
		given(macros.render("m-1", detail().getTicket().getId())).willReturn(com.rapport.contracts.ticket.v1.RenderedMacro
			.newBuilder().setBody("Alice Chen，您好：订单 ACME-1015 延误了。").setLanguage("zh-CN").build());

		Document page = page(agent(get("/console/tickets/T-1001")));
		assertThat(page.select("form.insert-macro select[name=macro] option")).extracting(e -> e.val())
			.containsExactly("", "m-1");
		Document inserted = page(agent(get("/console/tickets/T-1001").param("macro", "m-1")).andExpect(status().isOk()));

		assertThat(inserted.select("form.reply-form textarea#body").text())
			.isEqualTo("Alice Chen，您好：订单 ACME-1015 延误了。");
		assertThat(inserted.select(".macro-inserted").text()).contains("Simplified Chinese");
	}

	@Test
	void aMacroThatIsGoneIsAFormErrorOnTheTicketsPage() throws Exception {
		given(desk.ticket("T-1001")).willReturn(detail());
		given(macros.macros()).willReturn(java.util.List.of(com.rapport.contracts.ticket.v1.Macro.newBuilder()
			.setId("m-1").setName("Apology").build()));
		given(macros.render(any(), any())).willThrow(new com.rapport.support.error.NotFoundException(
				Message.of("macro.not-found", "gone")));

		Document page = page(agent(get("/console/tickets/T-1001").param("macro", "gone"))
			.andExpect(status().isUnprocessableContent()));

		assertThat(page.select("form.insert-macro .field-error").text()).isEqualTo("That macro no longer exists.");
		assertThat(page.select("form.reply-form textarea#body").text()).isEmpty();
	}

	static final com.rapport.contracts.ticket.v1.SupportTeam TEAM = com.rapport.contracts.ticket.v1.SupportTeam
		.newBuilder().setId("quality").setName("Quality")
		.addAgents(com.rapport.contracts.ticket.v1.TeamAgent.newBuilder().setUserName("agent.li").setDisplayName("Li Na"))
		.addAgents(com.rapport.contracts.ticket.v1.TeamAgent.newBuilder().setUserName("manager.wang")
			.setDisplayName("Wang Fang"))
		.build();

	@Test
	void theQueueLetsStaffChooseTicketsAndGiveThemToAnAgentOfATeam() throws Exception {
		given(desk.list(any())).willReturn(ListTicketsResponse.newBuilder().setTotalCount(1).addTickets(ticket()).build());
		given(assignment.teams()).willReturn(java.util.List.of(TEAM));

		Document page = page(agent(get("/console/tickets")));

		assertThat(page.select("form.bulk-assign-form").attr("action")).isEqualTo("/console/tickets/bulk-assignment");
		assertThat(page.select("tr.ticket-row input[type=checkbox][name=ticket]")).extracting(e -> e.val())
			.containsExactly("T-1001");
		assertThat(page.select("#bulk-assignee option")).extracting(e -> e.val()).containsExactly("", "agent.li",
				"manager.wang");
		assertThat(page.select("#bulk-assignee option[value=manager.wang]").text()).isEqualTo("Wang Fang (manager.wang)");
	}

	@Test
	void aTicketIsGivenToAnotherAgentWithTheReasonAndItsDisplayName() throws Exception {
		given(desk.ticket("T-1001")).willReturn(detail());
		given(assignment.teams()).willReturn(java.util.List.of(TEAM));

		Document page = page(agent(get("/console/tickets/T-1001")));
		assertThat(page.select("form.reassign-form select[name=assigneeId] option")).extracting(e -> e.val())
			.contains("manager.wang");

		agent(post("/console/tickets/T-1001/assignee").param("assigneeId", "manager.wang")
			.param("reason", "Li Na is on leave")).andExpect(redirectedUrl("/console/tickets/T-1001#latest"));

		verify(desk).assign("T-1001", "manager.wang", "Wang Fang", "Li Na is on leave");
	}

	@Test
	void theTicketPagesWorkWhileTheTeamsCannotBeListed() throws Exception {
		given(desk.ticket("T-1001")).willReturn(detail());
		given(assignment.teams()).willThrow(new RemoteUnavailableException("ticket-service",
				new IllegalStateException("down")));

		Document page = page(agent(get("/console/tickets/T-1001")).andExpect(status().isOk()));

		assertThat(page.select("form.reassign-form")).isEmpty();
		assertThat(page.select("button.take-ticket")).hasSize(1);
	}

	@Test
	void theAtRiskViewAsksForAtRiskOpenTicketsOfTheChosenTierAndShowsLiveCountdowns() throws Exception {
		long inTwoHours = System.currentTimeMillis() / 1000 + 2 * 3600 + 90;
		given(desk.list(any())).willReturn(ListTicketsResponse.newBuilder().setTotalCount(1)
			.addTickets(ticket().setFirstResponseDue(Timestamp.newBuilder().setSeconds(inTwoHours))
				.setSlaState(SlaState.SLA_STATE_AT_RISK))
			.setNextPageToken("cGFnZTox").build());

		Document page = page(agent(get("/console/tickets").param("view", "at-risk").param("tier", "SLA_TIER_VIP")));

		ArgumentCaptor<ListTicketsRequest> asked = ArgumentCaptor.forClass(ListTicketsRequest.class);
		verify(desk).list(asked.capture());
		assertThat(asked.getValue().getSlaStatesList()).containsExactly(SlaState.SLA_STATE_AT_RISK);
		assertThat(asked.getValue().getState()).isEqualTo(TicketStateFilter.TICKET_STATE_FILTER_OPEN);
		assertThat(asked.getValue().getTiersList()).containsExactly(SlaTier.SLA_TIER_VIP);
		assertThat(page.select("nav.queue-views a.current").attr("data-view")).isEqualTo("at-risk");
		var row = page.selectFirst("tr.ticket-row[data-ticket-number=T-1001]");
		assertThat(row.select("time.countdown").attr("datetime")).endsWith("Z");
		assertThat(row.select("time.countdown").text()).isEqualTo("due in 2 h 1 min");
		assertThat(row.select("time.countdown").attr("data-over")).isEqualTo("overdue by {h} h {m} min");
		assertThat(row.select(".ticket-customer a").attr("href")).isEqualTo("/console/organisations/acme-retail");
		assertThat(page.select(".pager-older").attr("href")).contains("view=at-risk").contains("tier=SLA_TIER_VIP")
			.contains("page=cGFnZTox");
		assertThat(page.select("script[src]").attr("src")).isEqualTo("/js/rapport.js");
	}

	@Test
	void theBreachedViewAsksForBreachedTicketsAndEachRowSaysTheWorkingTimeLeftInTheReadersLanguage() throws Exception {
		given(desk.list(any())).willReturn(ListTicketsResponse.newBuilder().setTotalCount(3)
			.addTickets(ticket().setSlaState(SlaState.SLA_STATE_AT_RISK)
				.setSlaWorkingTimeLeft(com.google.protobuf.Duration.newBuilder().setSeconds(80 * 60 + 30))
				.setSlaCounting(true))
			.addTickets(ticket().setNumber("T-1002").setSlaState(SlaState.SLA_STATE_ON_TRACK)
				.setSlaWorkingTimeLeft(com.google.protobuf.Duration.newBuilder().setSeconds(3 * 3600))
				.setSlaCounting(false))
			.addTickets(ticket().setNumber("T-1003").setSlaState(SlaState.SLA_STATE_BREACHED)
				.setSlaWorkingTimeLeft(com.google.protobuf.Duration.getDefaultInstance())
				.addEscalations(com.rapport.contracts.ticket.v1.TicketEscalation.newBuilder()
					.setKind(com.rapport.contracts.ticket.v1.TicketEscalationKind.TICKET_ESCALATION_KIND_BREACH)))
			.build());

		Document page = page(agent(get("/console/tickets").param("view", "breached")));
		Document zh = page(agent(get("/console/tickets").param("view", "breached").param("lang", "zh-CN")));

		ArgumentCaptor<ListTicketsRequest> asked = ArgumentCaptor.forClass(ListTicketsRequest.class);
		verify(desk, org.mockito.Mockito.times(2)).list(asked.capture());
		assertThat(asked.getValue().getSlaStatesList()).containsExactly(SlaState.SLA_STATE_BREACHED);
		assertThat(asked.getValue().getState()).isEqualTo(TicketStateFilter.TICKET_STATE_FILTER_OPEN);
		assertThat(page.select("nav.queue-views a").eachAttr("data-view")).containsExactly("mine", "unassigned",
				"at-risk", "breached", "promises-due", "open", "closed");
		assertThat(page.select("nav.queue-views a.current").text()).isEqualTo("Breached");
		var running = page.selectFirst("tr.ticket-row[data-ticket-number=T-1001] time.working-left");
		assertThat(running.text()).isEqualTo("1 h 20 min of working time left");
		assertThat(running.attr("data-left-seconds")).isEqualTo("4830");
		assertThat(running.attr("data-counting")).isEqualTo("true");
		assertThat(running.attr("data-left")).isEqualTo("{h} h {m} min of working time left");
		assertThat(page.select("tr.ticket-row[data-ticket-number=T-1001] .working-paused")).isEmpty();
		assertThat(page.select("tr.ticket-row[data-ticket-number=T-1002] time.working-left").attr("data-counting"))
			.isEqualTo("false");
		assertThat(page.select("tr.ticket-row[data-ticket-number=T-1002] .working-paused").text())
			.isEqualTo("(the clock stands outside working hours)");
		assertThat(page.select("tr.ticket-row[data-ticket-number=T-1003] time.working-left").text())
			.isEqualTo("no working time left");
		assertThat(page.select("tr.ticket-row[data-ticket-number=T-1003] .badge.escalated").text()).isEqualTo("escalated");
		assertThat(page.select("tr.ticket-row[data-ticket-number=T-1001] .badge.escalated")).isEmpty();
		assertThat(zh.select("nav.queue-views a.current").text()).isEqualTo("已超时");
		assertThat(zh.select("tr.ticket-row[data-ticket-number=T-1003] .badge.escalated").text()).isEqualTo("已升级");
		assertThat(zh.select("tr.ticket-row[data-ticket-number=T-1001] time.working-left").text())
			.isEqualTo("剩余工作时间 1 小时 20 分钟");
		assertThat(zh.select("tr.ticket-row[data-ticket-number=T-1002] .working-paused").text())
			.isEqualTo("（非工作时间，计时暂停）");
	}

	@Autowired
	com.rapport.portal.web.Formats formats;

	/**
	 * Session 17: the "promises due" view asks for the tickets with a promise falling due (whatever their status),
	 * says its count beside its name on every view, and each row with such a promise says when it is due, in the
	 * viewer's zone, or since when it is overdue, in both languages.
	 */
	@Test
	void thePromisesDueViewAsksForThemCountsThemAndEachRowSaysWhenThePromiseIsDueInTheViewersZone() throws Exception {
		java.time.ZoneId zone = formats.zone();
		java.time.Instant soon = java.time.ZonedDateTime.now(zone).plusDays(1).withHour(17).withMinute(30)
			.withSecond(0).withNano(0).toInstant();
		java.time.Instant past = java.time.ZonedDateTime.now(zone).minusDays(1).withHour(9).withMinute(15)
			.withSecond(0).withNano(0).toInstant();
		given(desk.list(any())).willReturn(ListTicketsResponse.newBuilder().setTotalCount(3).setPromisesDueCount(2)
			.addTickets(ticket().setPromiseDueAt(Timestamp.newBuilder().setSeconds(past.getEpochSecond())))
			.addTickets(ticket().setNumber("T-1002").setPromiseDueAt(Timestamp.newBuilder().setSeconds(soon.getEpochSecond())))
			.addTickets(ticket().setNumber("T-1003"))
			.build());

		Document page = page(agent(get("/console/tickets").param("view", "promises-due")));
		Document zh = page(agent(get("/console/tickets").param("view", "promises-due").param("lang", "zh-CN")));
		Document open = page(agent(get("/console/tickets")));

		ArgumentCaptor<ListTicketsRequest> asked = ArgumentCaptor.forClass(ListTicketsRequest.class);
		verify(desk, org.mockito.Mockito.times(3)).list(asked.capture());
		assertThat(asked.getAllValues().get(0).getPromisesDue()).isTrue();
		assertThat(asked.getAllValues().get(0).getState()).isEqualTo(TicketStateFilter.TICKET_STATE_FILTER_UNSPECIFIED);
		assertThat(asked.getAllValues().get(2).getPromisesDue()).isFalse();
		assertThat(page.select("nav.queue-views a.current").attr("data-view")).isEqualTo("promises-due");
		assertThat(page.select("nav.queue-views a.current").text()).isEqualTo("Promises due (2)");
		assertThat(open.select("nav.queue-views a[data-view=promises-due]").text()).isEqualTo("Promises due (2)");
		assertThat(zh.select("nav.queue-views a.current").text()).isEqualTo("承诺即将到期 (2)");
		var overdue = page.selectFirst("tr.ticket-row[data-ticket-number=T-1001] .badge.promise-due");
		assertThat(overdue.hasClass("overdue")).isTrue();
		assertThat(overdue.text()).startsWith("Promise overdue since ").contains("9:15");
		var due = page.selectFirst("tr.ticket-row[data-ticket-number=T-1002] .badge.promise-due");
		assertThat(due.hasClass("overdue")).isFalse();
		assertThat(due.text()).startsWith("Promise due ").contains("5:30");
		assertThat(page.select("tr.ticket-row[data-ticket-number=T-1003] .badge.promise-due")).isEmpty();
		assertThat(zh.selectFirst("tr.ticket-row[data-ticket-number=T-1002] .badge.promise-due").text())
			.startsWith("承诺 ").endsWith(" 到期").contains("下午5:30");
		assertThat(zh.selectFirst("tr.ticket-row[data-ticket-number=T-1001] .badge.promise-due").text())
			.startsWith("承诺已于 ").endsWith(" 逾期").contains("上午9:15");
	}

	@Test
	void mineAsksForTheCallersTicketsAndAnUnknownViewShowsAllOpen() throws Exception {
		given(desk.list(any())).willReturn(ListTicketsResponse.getDefaultInstance());
		agent(get("/console/tickets").param("view", "mine")).andExpect(status().isOk());
		agent(get("/console/tickets").param("view", "<script>")).andExpect(status().isOk());
		agent(get("/console/tickets").param("view", "closed")).andExpect(status().isOk());

		ArgumentCaptor<ListTicketsRequest> asked = ArgumentCaptor.forClass(ListTicketsRequest.class);
		verify(desk, org.mockito.Mockito.times(3)).list(asked.capture());
		assertThat(asked.getAllValues().get(0).getAssignee()).isEqualTo(AssigneeFilter.ASSIGNEE_FILTER_ME);
		assertThat(asked.getAllValues().get(1).getAssignee()).isEqualTo(AssigneeFilter.ASSIGNEE_FILTER_UNSPECIFIED);
		assertThat(asked.getAllValues().get(1).getState()).isEqualTo(TicketStateFilter.TICKET_STATE_FILTER_OPEN);
		assertThat(asked.getAllValues().get(2).getState()).isEqualTo(TicketStateFilter.TICKET_STATE_FILTER_CLOSED);
		assertThat(asked.getAllValues().get(2).getSort()).isEqualTo(com.rapport.contracts.ticket.v1.TicketSort.TICKET_SORT_NEWEST);
	}

	@Test
	void theTicketPageShowsNotesAsInternalBesideTheCustomersSummary() throws Exception {
		given(desk.ticket("T-1001")).willReturn(detail());
		given(customers.organisation("acme-retail")).willReturn(Organisation.newBuilder().setId("acme-retail")
			.setName("Acme Retail").setTier(Tier.TIER_VIP).build());

		Document page = page(agent(get("/console/tickets/T-1001")));

		assertThat(page.select("li.message.internal .message-body").text()).isEqualTo("Customer is upset, call back.");
		assertThat(page.select("li.message.internal .internal-badge").text()).isEqualTo("internal note");
		assertThat(page.select(".ticket-customer-summary .customer-name").text()).isEqualTo("Acme Retail");
		assertThat(page.select(".ticket-customer-summary .customer-tier").text()).isEqualTo("VIP");
		assertThat(page.select(".ticket-actions button[name=transition]").eachAttr("value"))
			.containsExactly("TICKET_TRANSITION_WAIT_ON_CUSTOMER", "TICKET_TRANSITION_RESOLVE");
		assertThat(page.select("button.take-ticket")).as("not the viewer's yet").hasSize(1);
		assertThat(page.select("form.note-form")).hasSize(1);
		assertThat(page.select(".ticket-requester").text()).isEqualTo("Alice Chen <alice@acme.example>");
	}

	@Test
	void anEscalatedTicketSaysSoAboveItsConversationInTheReadersLanguage() throws Exception {
		given(desk.ticket("T-1001")).willReturn(detail().toBuilder().setTicket(ticket()
			.addEscalations(com.rapport.contracts.ticket.v1.TicketEscalation.newBuilder()
				.setKind(com.rapport.contracts.ticket.v1.TicketEscalationKind.TICKET_ESCALATION_KIND_CRITICAL_COMPLAINT)
				.setAt(OPENED).setFromPriority(TicketPriority.TICKET_PRIORITY_HIGH)
				.setToPriority(TicketPriority.TICKET_PRIORITY_HIGH).setMailed(true))
			.addEscalations(com.rapport.contracts.ticket.v1.TicketEscalation.newBuilder()
				.setKind(com.rapport.contracts.ticket.v1.TicketEscalationKind.TICKET_ESCALATION_KIND_BREACH)
				.setAt(OPENED).setFromPriority(TicketPriority.TICKET_PRIORITY_HIGH)
				.setToPriority(TicketPriority.TICKET_PRIORITY_URGENT)))
			.build());
		given(customers.organisation("acme-retail")).willReturn(Organisation.newBuilder().setId("acme-retail")
			.setName("Acme Retail").setTier(Tier.TIER_VIP).build());

		Document page = page(agent(get("/console/tickets/T-1001")));
		Document zh = page(agent(get("/console/tickets/T-1001").param("lang", "zh-CN")));

		assertThat(page.select("p.notice.escalation").eachAttr("data-escalation")).containsExactly(
				"TICKET_ESCALATION_KIND_CRITICAL_COMPLAINT", "TICKET_ESCALATION_KIND_BREACH");
		assertThat(page.select("p.notice.escalation").get(0).text()).startsWith("Escalated to the manager on ")
			.endsWith("critical complaint. The manager was mailed.");
		assertThat(page.select("p.notice.escalation").get(1).text())
			.endsWith("SLA breached, priority High → Urgent. The mail to the manager is still to go out.");
		assertThat(zh.select("p.notice.escalation").get(1).text()).contains("已升级给主管").contains("给主管的邮件尚待发送");
	}

	@Test
	void theTicketPageStillWorksWhileCustomerServiceIsDown() throws Exception {
		given(desk.ticket("T-1001")).willReturn(detail());
		given(customers.organisation("acme-retail")).willThrow(new RemoteUnavailableException("customer-service",
				Status.UNAVAILABLE.asRuntimeException()));

		Document page = page(agent(get("/console/tickets/T-1001")).andExpect(status().isOk()));

		assertThat(page.select(".customer-unavailable").text()).contains("temporarily unavailable");
		assertThat(page.select("ol.conversation li")).hasSize(2);
	}

	@Test
	void notesRepliesAndMovesGoToTheTicketAndARefusedMoveSaysWhy() throws Exception {
		given(desk.note("T-1001", "Called, no answer.")).willReturn(detail());
		agent(post("/console/tickets/T-1001/notes").with(csrf()).param("body", "Called, no answer."))
			.andExpect(redirectedUrl("/console/tickets/T-1001#latest"));
		verify(desk).note("T-1001", "Called, no answer.");

		given(desk.ticket("T-1001")).willReturn(detail());
		given(customers.organisation("acme-retail")).willReturn(Organisation.newBuilder().setId("acme-retail").build());
		given(desk.changeStatus("T-1001", TicketTransition.TICKET_TRANSITION_RESOLVE, ""))
			.willThrow(new ConflictException(Message.of("problem.conflict")));
		Document page = page(agent(post("/console/tickets/T-1001/status").with(csrf())
			.param("transition", "TICKET_TRANSITION_RESOLVE")).andExpect(status().isConflict()));
		assertThat(page.select(".notice.error").text()).isNotBlank();
	}

	@Test
	void anAgentLogsAPhoneCallForAContact() throws Exception {
		given(desk.open(any())).willReturn(detail());
		given(customers.organisation("acme-retail")).willReturn(Organisation.newBuilder().setId("acme-retail")
			.addContacts(com.rapport.contracts.customer.v1.Contact.newBuilder().setId("c-1").setName("Alice Chen")
				.setEmail("alice@acme.example"))
			.build());
		agent(post("/console/tickets").with(csrf()).param("customerId", "acme-retail").param("contactId", "c-1")
			.param("channel", "TICKET_CHANNEL_PHONE").param("kind", "TICKET_KIND_REQUEST")
			.param("category", "TICKET_CATEGORY_QUESTION").param("priority", "TICKET_PRIORITY_NORMAL")
			.param("subject", "Price list 2026").param("body", "Asked for the new price list."))
			.andExpect(redirectedUrl("/console/tickets/T-1001#latest"));

		ArgumentCaptor<OpenTicketRequest> sent = ArgumentCaptor.forClass(OpenTicketRequest.class);
		verify(desk).open(sent.capture());
		assertThat(sent.getValue().getChannel()).isEqualTo(TicketChannel.TICKET_CHANNEL_PHONE);
		assertThat(sent.getValue().getCustomerId()).isEqualTo("acme-retail");
		assertThat(sent.getValue().getContactId()).isEqualTo("c-1");
		assertThat(sent.getValue().getRequesterName()).isEqualTo("Alice Chen");
		assertThat(sent.getValue().getRequesterEmail()).isEqualTo("alice@acme.example");
	}

	@Test
	void staffReplyWithAFileDownloadTheCustomersAndHearWhyATooLargeOneWasRefused() throws Exception {
		byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		given(desk.ticket("T-1001")).willReturn(detail());
		Document page = page(agent(get("/console/tickets/T-1001")));
		assertThat(page.select("form.reply-form").attr("enctype")).isEqualTo("multipart/form-data");
		assertThat(page.select("form.reply-form input[type=file][name=attachments]")).hasSize(1);
		assertThat(page.select("form.note-form input[type=file]")).as("notes carry no files").isEmpty();

		agent(multipart("/console/tickets/T-1001/replies")
			.file(new MockMultipartFile("attachments", "signed note.pdf", "application/pdf", pdf)).with(csrf())
			.param("body", "The signed note")).andExpect(redirectedUrl("/console/tickets/T-1001#latest"));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<java.util.List<com.rapport.contracts.ticket.v1.AttachmentUpload>> files = ArgumentCaptor
			.forClass(java.util.List.class);
		verify(desk).reply(org.mockito.ArgumentMatchers.eq("T-1001"), org.mockito.ArgumentMatchers.eq("The signed note"),
				files.capture());
		assertThat(files.getValue()).singleElement()
			.satisfies(f -> assertThat(f.getFileName()).isEqualTo("signed note.pdf"));

		given(desk.reply(org.mockito.ArgumentMatchers.eq("T-1001"), org.mockito.ArgumentMatchers.eq("Too big"), any()))
			.willThrow(new UnprocessableException(Message.of("attachment.too-large", "3 MB"),
					java.util.Map.of("attachments[0]", Message.of("attachment.file-too-large", "scan.pdf", "3 MB"))));
		Document refused = page(agent(multipart("/console/tickets/T-1001/replies")
			.file(new MockMultipartFile("attachments", "scan.pdf", "application/pdf", pdf)).with(csrf())
			.param("body", "Too big")).andExpect(status().isPayloadTooLarge()));
		assertThat(refused.select(".attachments-error").text()).isEqualTo("scan.pdf is larger than 3 MB.");
		assertThat(refused.select("form.reply-form textarea#body").text()).isEqualTo("Too big");

		com.rapport.contracts.ticket.v1.TicketAttachment file = com.rapport.contracts.ticket.v1.TicketAttachment
			.newBuilder().setId("a9").setFileName("photo.png").setContentType("image/png").setSize(3).build();
		given(desk.attachment("T-1001", "a9")).willReturn(com.rapport.contracts.ticket.v1.AttachmentContent.newBuilder()
			.setAttachment(file).setContent(com.google.protobuf.ByteString.copyFrom(new byte[] { 1, 2, 3 })).build());
		var download = agent(get("/console/tickets/T-1001/attachments/a9")).andExpect(status().isOk()).andReturn()
			.getResponse();
		assertThat(download.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"photo.png\"");
		assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.getContentType()).isEqualTo("image/png");
	}

	@Test
	void staffMergeADuplicateIntoTheTicketThatGoesOnAndHearWhyAnInvalidMergeWasRefused() throws Exception {
		given(desk.ticket("T-1001")).willReturn(detail());
		Document page = page(agent(get("/console/tickets/T-1001")));
		assertThat(page.select("form.merge-form").attr("action")).isEqualTo("/console/tickets/T-1001/merge");

		given(desk.merge("T-1001", "T-1002", "Raised twice")).willReturn(detail().toBuilder()
			.setTicket(ticket().setNumber("T-1002")).build());
		agent(post("/console/tickets/T-1001/merge").with(csrf()).param("survivor", " T-1002 ")
			.param("reason", "Raised twice")).andExpect(redirectedUrl("/console/tickets/T-1002#latest"));

		given(desk.merge("T-1001", "T-1003", "Same"))
			.willThrow(new ConflictException(Message.of("ticket.merge.already-merged", "T-1001", "T-1002")));
		Document refused = page(agent(post("/console/tickets/T-1001/merge").with(csrf()).param("survivor", "T-1003")
			.param("reason", "Same").header("Accept-Language", "zh-CN")).andExpect(status().isConflict()));
		assertThat(refused.select(".notice.error").text()).isEqualTo("T-1001 已合并到 T-1002。");
		assertThat(refused.select("#merge-survivor").val()).isEqualTo("T-1003");

		given(desk.ticket("T-1001")).willReturn(detail().toBuilder().setTicket(ticket()
			.setStatus(com.rapport.contracts.ticket.v1.TicketStatus.TICKET_STATUS_CLOSED).setMergedIntoNumber("T-1002"))
			.build());
		Document merged = page(agent(get("/console/tickets/T-1001")));
		assertThat(merged.select(".ticket-merged a").attr("href")).isEqualTo("/console/tickets/T-1002");
		assertThat(merged.select("form.merge-form")).as("a closed ticket is merged no more").isEmpty();
	}

	@Test
	void customersDoNotReachTheConsolesDesk() throws Exception {
		mvc.perform(get("/console/tickets").with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
		mvc.perform(get("/console/tickets/T-1001/attachments/a9").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/console/tickets/T-1001").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(desk);
	}

	/** Session 14: a change of priority with its reason; refusals beside the form in the reader's language. */
	@Test
	void staffChangeThePriorityWithAReasonAndARefusalIsSaidOnThePage() throws Exception {
		given(desk.ticket("T-1001")).willReturn(detail());
		Document page = page(agent(get("/console/tickets/T-1001")));
		assertThat(page.select("form.priority-form select[name=priority] option").eachAttr("value"))
			.as("every priority but the ticket's (high)").containsExactly("TICKET_PRIORITY_LOW",
					"TICKET_PRIORITY_NORMAL", "TICKET_PRIORITY_URGENT");

		given(desk.changePriority("T-1001", TicketPriority.TICKET_PRIORITY_URGENT, "Their line stands still"))
			.willReturn(detail());
		agent(post("/console/tickets/T-1001/priority").with(csrf()).param("priority", "TICKET_PRIORITY_URGENT")
			.param("reason", " Their line stands still ")).andExpect(status().is3xxRedirection());
		verify(desk).changePriority("T-1001", TicketPriority.TICKET_PRIORITY_URGENT, "Their line stands still");

		given(desk.changePriority("T-1001", TicketPriority.TICKET_PRIORITY_LOW, "")).willThrow(
				new UnprocessableException(Message.of("ticket.cannot-change-priority"),
						java.util.Map.of("reason", Message.of("field.required"))));
		Document refused = page(agent(post("/console/tickets/T-1001/priority").with(csrf()).header("Accept-Language",
				"zh-CN").param("priority", "TICKET_PRIORITY_LOW")).andExpect(status().isUnprocessableContent()));
		assertThat(refused.select(".notice.error").text()).isEqualTo("无法更改该工单的优先级。");
		assertThat(refused.select(".field-error").eachText()).contains("为必填项");

		Document unknown = page(agent(post("/console/tickets/T-1001/priority").with(csrf())
			.param("priority", "TICKET_PRIORITY_PANIC").param("reason", "why not")).andExpect(status().isUnprocessableContent()));
		assertThat(unknown.select("form.priority-form .field-error").text())
			.isEqualTo("is required: low, normal, high or urgent");
		assertThat(unknown.select("#priority-reason").val()).isEqualTo("why not");
		verify(desk, org.mockito.Mockito.never()).changePriority(org.mockito.ArgumentMatchers.anyString(),
				org.mockito.ArgumentMatchers.eq(TicketPriority.TICKET_PRIORITY_UNSPECIFIED), org.mockito.ArgumentMatchers.anyString());

		mvc.perform(post("/console/tickets/T-1001/priority").with(csrf()).param("priority", "TICKET_PRIORITY_LOW")
			.param("reason", "x").with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
	}

	static Ticket.Builder ticket() {
		return Ticket.newBuilder().setId("t1").setNumber("T-1001").setCustomerId("acme-retail")
			.setSubject("Pallets arrived crushed").setKind(TicketKind.TICKET_KIND_REQUEST)
			.setCategory(TicketCategory.TICKET_CATEGORY_DELIVERY).setPriority(TicketPriority.TICKET_PRIORITY_HIGH)
			.setStatus(TicketStatus.TICKET_STATUS_OPEN).setChannel(TicketChannel.TICKET_CHANNEL_PORTAL)
			.setOpenedAt(OPENED).setFirstResponseDue(Timestamp.newBuilder().setSeconds(OPENED.getSeconds() + 3600))
			.setResolutionDue(Timestamp.newBuilder().setSeconds(OPENED.getSeconds() + 7200))
			.setSlaState(SlaState.SLA_STATE_BREACHED).setTier(SlaTier.SLA_TIER_VIP).setRequesterName("Alice Chen")
			.setRequesterEmail("alice@acme.example");
	}

	static TicketDetail detail() {
		return TicketDetail.newBuilder().setTicket(ticket())
			.addMessages(TicketMessage.newBuilder().setId("m1").setAuthorKind(TicketAuthorKind.TICKET_AUTHOR_KIND_CUSTOMER)
				.setAuthorName("Alice Chen").setBody("Three of five pallets.").setAt(OPENED))
			.addMessages(TicketMessage.newBuilder().setId("m2").setAuthorKind(TicketAuthorKind.TICKET_AUTHOR_KIND_STAFF)
				.setAuthorName("Li Na").setInternal(true).setBody("Customer is upset, call back.").setAt(OPENED))
			.addAllowedTransitions(TicketTransition.TICKET_TRANSITION_WAIT_ON_CUSTOMER)
			.addAllowedTransitions(TicketTransition.TICKET_TRANSITION_RESOLVE)
			.setCanReply(true)
			.build();
	}

	private ResultActions agent(
			org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request)
			throws Exception {
		return mvc.perform(request.with(as(TestTokens.staff("agent"))));
	}

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}
}
