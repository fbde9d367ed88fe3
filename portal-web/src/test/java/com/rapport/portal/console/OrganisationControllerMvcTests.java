package com.rapport.portal.console;

import java.util.List;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.ChurnRisk;
import com.rapport.contracts.customer.v1.CustomerValue;
import com.rapport.contracts.customer.v1.LedgerEntry;
import com.rapport.contracts.customer.v1.LedgerEntryKind;
import com.rapport.contracts.customer.v1.LoyaltyAccount;
import com.rapport.contracts.customer.v1.Reorder;
import com.rapport.contracts.customer.v1.RiskReason;
import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.LifecycleStage;
import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.Interaction;
import com.rapport.contracts.customer.v1.InteractionKind;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.OrganisationStatus;
import com.rapport.contracts.customer.v1.PreferredChannel;
import com.rapport.contracts.customer.v1.SizeBand;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.contracts.customer.v1.TierOverride;
import com.rapport.contracts.customer.v1.TierReason;
import com.rapport.contracts.ordertracking.v1.DeliveryPerformance;
import com.rapport.contracts.ordertracking.v1.LateOrder;
import com.rapport.contracts.ordertracking.v1.MilestoneCode;
import com.rapport.contracts.ordertracking.v1.Money;
import com.rapport.contracts.ordertracking.v1.Order;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.remote.TimelineClient;
import com.rapport.portal.remote.FeedbackClient;
import com.rapport.portal.remote.GrowthClient;
import com.rapport.portal.remote.LoyaltyClient;
import com.rapport.portal.remote.OrderClient;
import com.rapport.portal.remote.TicketClient;
import com.rapport.contracts.feedback.v1.CustomerScores;
import com.rapport.contracts.customer.v1.ListInteractionsResponse;
import com.rapport.contracts.feedback.v1.LatestScore;
import com.rapport.contracts.feedback.v1.SubjectType;
import com.rapport.contracts.ticket.v1.ListOpenTicketsResponse;
import com.rapport.contracts.ticket.v1.SlaState;
import com.rapport.contracts.ticket.v1.SlaTier;
import com.rapport.contracts.ticket.v1.Ticket;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TicketPriority;
import com.rapport.contracts.ticket.v1.TicketStatus;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import io.grpc.Status;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(OrganisationController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class OrganisationControllerMvcTests {

	/** 2025-12-01 02:30 UTC, 10:30 in Shanghai (the configured default zone). */
	static final Timestamp PLACED_AT = Timestamp.newBuilder().setSeconds(1_764_556_200L).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CustomerClient customers;

	@MockitoBean
	TimelineClient timeline;

	@MockitoBean
	OrderClient orders;

	@MockitoBean
	TicketClient tickets;

	@MockitoBean
	FeedbackClient feedback;

	@MockitoBean
	GrowthClient growth;

	@MockitoBean
	LoyaltyClient loyalty;

	@org.junit.jupiter.api.BeforeEach
	void everyPartAnswersEmptyUnlessATestSaysOtherwise() {
		given(timeline.timeline(any(), any(), anyInt(), any())).willReturn(ListInteractionsResponse.getDefaultInstance());
		given(tickets.openTickets(any(), anyInt())).willReturn(ListOpenTicketsResponse.getDefaultInstance());
		given(feedback.scores(any())).willReturn(CustomerScores.getDefaultInstance());
		given(growth.value(any())).willReturn(CustomerValue.getDefaultInstance());
		given(loyalty.account(any())).willReturn(LoyaltyAccount.getDefaultInstance());
	}

	@Test
	void the360ShowsThePointsBalanceAndTheLatestMovementOrANoticeWhileTheyAreUnavailable() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(loyalty.account("acme-retail")).willReturn(LoyaltyAccount.newBuilder().setOrganisationId("acme-retail")
			.setBalance(12_960).addEntries(LedgerEntry.newBuilder().setKind(LedgerEntryKind.LEDGER_ENTRY_KIND_EARNED)
				.setPoints(1296).setBalanceAfter(12_960).setReference("ACME-1012").setOccurredAt(PLACED_AT))
			.build());

		Document page = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()).andReturn());

		assertThat(page.select("dl.loyalty-points .loyalty-balance").text()).isEqualTo("12,960");
		assertThat(page.select(".loyalty-latest").text()).startsWith("+1296 (earned) on ");

		given(loyalty.account("acme-retail")).willThrow(new RemoteUnavailableException("customer-service",
				Status.UNAVAILABLE.asRuntimeException()));
		Document without = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()).andReturn());
		assertThat(without.select(".loyalty-unavailable").text()).isEqualTo("Loyalty points are temporarily unavailable.");
		assertThat(without.select("dl.loyalty-points")).isEmpty();
	}

	@Test
	void the360ShowsTheLifetimeValueWithTheInputsOfItsProjection() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(orders.ordersOf("acme-retail", 50)).willReturn(List.of());
		given(growth.value("acme-retail")).willReturn(CustomerValue.newBuilder().setOrganisationId("acme-retail")
			.setComputed(true).setCurrency("CNY").setHistoricalValue("1321200.50").setDeliveredOrders(16)
			.setOrdersWithoutValue(1).setAverageOrderValue("88080.03").setOrdersPerYear("16.00").setObservedDays(365)
			.setLifespanYears("3").setMargin("0.35").setProjectedValue("1479744.50").setFirstOrderAt(PLACED_AT)
			.setLastOrderAt(PLACED_AT)
			.setChurnRisk(ChurnRisk.newBuilder().setScore(60).setThreshold(40).setAtRisk(true)
				.addReasons(RiskReason.newBuilder().setCode("growth.risk.rhythm").addArgs("70").addArgs("30").setPoints(40))
				.addReasons(RiskReason.newBuilder().setCode("growth.risk.breached").addArgs("1").setPoints(20))
				.addReasons(RiskReason.newBuilder().setCode("growth.risk.scores-unknown")))
			.addReorders(Reorder.newBuilder().setSku("CHAIR-ERG-01").setDescription("Ergonomic chair")
				.setExpectedOn("2026-12-16").setUsualIntervalDays(30).setOrders(13).setLastOrderedOn("2026-11-16")
				.setLastQuantity(120).setDue(true))
			.build());

		Document page = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()).andReturn());

		assertThat(page.select(".value-historical").text()).isEqualTo("CNY 1,321,200.50");
		assertThat(page.select(".value-projected strong").text()).isEqualTo("CNY 1,479,744.50");
		assertThat(page.select(".value-inputs").text())
			.isEqualTo("= CNY 88,080.03 average order × 16.00 orders a year × 3 years × margin 0.35");
		assertThat(page.select(".value-orders").text()).startsWith("16, the first ").contains("(365 days observed)")
			.contains("1 of them without an amount or a conversion rate");
		assertThat(page.select(".value-unavailable")).isEmpty();
		assertThat(page.select(".risk-score").text()).isEqualTo("60 / 100: at risk (threshold 40)");
		assertThat(page.select(".risk-reasons li").eachText()).containsExactly(
				"No order for 70 days, where it usually orders every 30 days (+40)",
				"Open tickets past their service level: 1 (+20)",
				"Survey scores could not be read (feedback-service did not answer)");
		assertThat(page.select("li.reorder.due .reorder-text").text()).startsWith("CHAIR-ERG-01 (Ergonomic chair): expected ")
			.contains("about every 30 days (last 120 on ");
		assertThat(page.select(".reorder-due").text()).isEqualTo("due: the account manager has a task");

		Document chinese = page(mvc.perform(get("/console/organisations/acme-retail").param("lang", "zh-CN")
			.with(as(TestTokens.staff("agent")))).andExpect(status().isOk()).andReturn());
		assertThat(chinese.select(".value-inputs").text())
			.isEqualTo("= 平均订单 CNY 88,080.03 × 每年 16.00 单 × 3 年 × 毛利率 0.35");
		assertThat(chinese.select(".risk-reasons li").first().text()).isEqualTo("已 70 天未下单，通常每 30 天下单一次（+40）");
	}

	@Test
	void withoutAnyDeliveryOrWithoutTheFiguresThe360SaysSo() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(orders.ordersOf("acme-retail", 50)).willReturn(List.of());

		Document none = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()).andReturn());
		assertThat(none.select(".value-none").text()).isEqualTo("No delivered order yet: nothing to project.");
		assertThat(none.select("dl.lifetime-value")).isEmpty();
		assertThat(none.select("dl.churn-risk")).as("not computed yet").isEmpty();

		given(growth.value("acme-retail"))
			.willThrow(new RemoteUnavailableException("customer-service", Status.DEADLINE_EXCEEDED.asRuntimeException()));
		Document down = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()).andReturn());
		assertThat(down.select(".value-unavailable").text()).startsWith("The lifetime value is temporarily unavailable");
		assertThat(down.select("h1").text()).isEqualTo("Acme Retail");
	}

	@Test
	void theTimelineCanBeNarrowedToOneKindAndPagedBack() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(timeline.timeline("acme-retail", InteractionKind.INTERACTION_KIND_TICKET_OPENED,
				OrganisationController.TIMELINE, "page-2"))
			.willReturn(ListInteractionsResponse.newBuilder().addInteractions(Interaction.newBuilder()
				.setKind(InteractionKind.INTERACTION_KIND_TICKET_OPENED).setSummary("Ticket T-1001 opened")
				.setOccurredAt(Timestamp.newBuilder().setSeconds(1764500000))).setNextPageToken("page-3").build());

		Document page = page(mvc.perform(get("/console/organisations/acme-retail").param("kind", "TICKET_OPENED")
			.param("after", "page-2").with(as(TestTokens.staff("agent")))).andExpect(status().isOk()).andReturn());

		assertThat(page.select("li.interaction .interaction-summary").eachText()).containsExactly("Ticket T-1001 opened");
		assertThat(page.select("select#kind option[selected]").val()).isEqualTo("TICKET_OPENED");
		assertThat(page.select("a.timeline-older").attr("href"))
			.isEqualTo("/console/organisations/acme-retail?kind=TICKET_OPENED&after=page-3#timeline");
		assertThat(page.select("a.timeline-newest").attr("href"))
			.isEqualTo("/console/organisations/acme-retail?kind=TICKET_OPENED#timeline");
	}

	@Test
	void anUnknownKindShowsEveryKindAndARefusedPageTokenTheNewestPage() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(timeline.timeline("acme-retail", null, OrganisationController.TIMELINE, "edited"))
			.willThrow(com.rapport.support.error.UnprocessableException.withoutCode("bad page token",
				java.util.Map.of("pageToken", "unknown")));
		given(timeline.timeline("acme-retail", null, OrganisationController.TIMELINE, null))
			.willReturn(ListInteractionsResponse.newBuilder().addInteractions(Interaction.newBuilder()
				.setKind(InteractionKind.INTERACTION_KIND_ORDER_PLACED).setSummary("Order ACME-1001 placed")
				.setOccurredAt(Timestamp.newBuilder().setSeconds(1764400000))).build());

		Document page = page(mvc.perform(get("/console/organisations/acme-retail").param("kind", "<script>")
			.param("after", "edited").with(as(TestTokens.staff("agent")))).andExpect(status().isOk()).andReturn());

		assertThat(page.select(".timeline-restarted").text()).contains("could not be found");
		assertThat(page.select("li.interaction .interaction-summary").eachText()).containsExactly("Order ACME-1001 placed");
		assertThat(page.select("select#kind option[selected]")).isEmpty();
		assertThat(page.select("a.timeline-newest, a.timeline-older")).isEmpty();
	}

	private static com.google.protobuf.Timestamp minutesFromNow(long minutes) {
		return com.google.protobuf.Timestamp.newBuilder()
			.setSeconds(java.time.Instant.now().plusSeconds(minutes * 60 + 30).getEpochSecond()).build();
	}

	@Test
	void the360ShowsTheOpenTicketsWithTheirSlaStateAndWhatIsDue() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(orders.ordersOf("acme-retail", 50)).willReturn(List.of());
		given(tickets.openTickets("acme-retail", 20)).willReturn(ListOpenTicketsResponse.newBuilder().setOpenCount(3)
			.setBreachedCount(1).setAtRiskCount(0)
			.addTickets(Ticket.newBuilder().setNumber("T-1001").setSubject("ACME-1015 arrived late")
				.setKind(TicketKind.TICKET_KIND_COMPLAINT).setPriority(TicketPriority.TICKET_PRIORITY_HIGH)
				.setStatus(TicketStatus.TICKET_STATUS_OPEN).setTier(SlaTier.SLA_TIER_VIP)
				.setOpenedAt(minutesFromNow(-185)).setFirstResponseDue(minutesFromNow(-125))
				.setResolutionDue(minutesFromNow(295)).setSlaState(SlaState.SLA_STATE_BREACHED))
			.addTickets(Ticket.newBuilder().setNumber("T-1003").setSubject("Invoice copy")
				.setKind(TicketKind.TICKET_KIND_REQUEST).setPriority(TicketPriority.TICKET_PRIORITY_NORMAL)
				.setStatus(TicketStatus.TICKET_STATUS_OPEN).setTier(SlaTier.SLA_TIER_NORMAL).setTierAssumed(true)
				.setOpenedAt(minutesFromNow(-10)).setFirstResponseDue(minutesFromNow(-5))
				.setFirstRespondedAt(minutesFromNow(-6)).setResolutionDue(minutesFromNow(70)).setAssignee("Li Na")
				.setSlaState(SlaState.SLA_STATE_ON_TRACK))
			.build());

		Document page = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()).andReturn());

		assertThat(page.select(".tickets-summary").text()).isEqualTo("3 open tickets, 1 breached");
		assertThat(page.select("tr.ticket-row").eachAttr("data-ticket-number")).containsExactly("T-1001", "T-1003");
		var breached = page.selectFirst("tr.ticket-row[data-ticket-number=T-1001]");
		assertThat(breached.select(".sla-state").text()).isEqualTo("Breached");
		assertThat(breached.select(".sla-due").text()).isEqualTo("response overdue by 2 h 5 min");
		assertThat(breached.select(".ticket-subject").text()).isEqualTo("ACME-1015 arrived late complaint");
		assertThat(breached.select(".ticket-priority").text()).isEqualTo("High");
		assertThat(breached.select(".sla-tier").text()).isEqualTo("VIP targets");
		var onTrack = page.selectFirst("tr.ticket-row[data-ticket-number=T-1003]");
		assertThat(onTrack.select(".sla-due").text()).isEqualTo("resolution due in 1 h 10 min");
		assertThat(onTrack.select(".sla-tier").text()).contains("tier assumed");
		assertThat(onTrack.select(".ticket-assignee").text()).isEqualTo("Li Na");
	}

	@Test
	void the360ShowsTheLatestScoresAndTheFiguresOfTheWindow() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(orders.ordersOf("acme-retail", 50)).willReturn(List.of());
		given(feedback.scores("acme-retail")).willReturn(CustomerScores.newBuilder().setCustomerId("acme-retail")
			.setLatestCsat(LatestScore.newBuilder().setScore(2).setAnsweredAt(minutesFromNow(-3 * 24 * 60))
				.setComment("Late again.").setSubjectType(SubjectType.SUBJECT_TYPE_ORDER).setSubjectId("ACME-1015"))
			.setLatestNps(LatestScore.newBuilder().setScore(9).setAnsweredAt(minutesFromNow(-20 * 24 * 60))
				.setSubjectType(SubjectType.SUBJECT_TYPE_RELATIONSHIP))
			.setWindowDays(90).setCsatCount(3).setCsatPercentBp(6666).setNps(50).setPromoters(2).setDetractors(1)
			.setCesCount(2).setCesAverageTenths(50).setCesEasyShareBp(5000).build());

		Document page = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()).andReturn());

		assertThat(page.select(".latest-csat").text()).startsWith("2 / 5").contains("on order ACME-1015")
			.endsWith("Late again.");
		assertThat(page.select(".latest-nps").text()).startsWith("9 / 10");
		assertThat(page.select(".latest-ces")).isEmpty();
		assertThat(page.select(".csat-figure").text()).isEqualTo("CSAT 66.6% satisfied (3 answers);");
		assertThat(page.select(".nps-figure").text()).startsWith("NPS +50 (2 promoters, no passive, 1 detractor)");
		assertThat(page.select(".ces-figure").text()).isEqualTo("CES 5.0 on average, 50.0% easy (2 answers)");
		assertThat(page.select(".scores-unavailable")).isEmpty();
	}

	@Test
	void withoutTicketAndFeedbackServicesThe360SaysWhatIsMissingAndShowsTheRest() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(orders.ordersOf("acme-retail", 50)).willReturn(List.of());
		given(tickets.openTickets("acme-retail", 20))
			.willThrow(new RemoteUnavailableException("ticket-service", Status.UNAVAILABLE.asRuntimeException()));
		given(feedback.scores("acme-retail"))
			.willThrow(new RemoteUnavailableException("feedback-service", Status.UNAVAILABLE.asRuntimeException()));

		Document page = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()).andReturn());

		assertThat(page.select(".tickets-unavailable").text()).startsWith("Tickets are temporarily unavailable");
		assertThat(page.select(".scores-unavailable").text()).startsWith("Survey scores are temporarily unavailable");
		assertThat(page.select("tr.ticket-row")).isEmpty();
		assertThat(page.select("h1").text()).isEqualTo("Acme Retail");
		assertThat(page.select("tr.contact-row")).hasSize(2);
	}

	@Test
	void agentSeesTheProfileTheContactsAndTheOrders() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(orders.ordersOf("acme-retail", 50)).willReturn(List.of(
				order("ACME-1001", MilestoneCode.MILESTONE_CODE_SHIPPED, "2025-12-10"),
				order("ACME-1002", MilestoneCode.MILESTONE_CODE_CONFIRMED, "")));

		Document page = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk())
			.andExpect(view().name("console/organisation"))
			.andReturn());

		assertThat(page.select("h1").text()).isEqualTo("Acme Retail");
		assertThat(page.select("title").text()).isEqualTo("Acme Retail · Rapport");
		assertThat(page.select(".profile-industry").text()).isEqualTo("Retail");
		assertThat(page.select(".profile-size").text()).isEqualTo("Large (250–999)");
		assertThat(page.select(".profile-country").text()).isEqualTo("China (CN)");
		assertThat(page.select(".profile-region").text()).isEqualTo("East China");
		assertThat(page.select(".profile-tags .tag").eachText()).containsExactly("strategic", "apparel");
		assertThat(page.select(".profile-account-manager").text()).isEqualTo("wei.li");
		assertThat(page.select(".profile-status").text()).isEqualTo("Active");
		assertThat(page.select(".profile-tier").text()).isEqualTo("VIP");
		assertThat(page.select(".profile-lifecycle").text()).isEqualTo("Loyal");
		assertThat(page.select(".profile-external-id").text()).isEqualTo("ERP-0042");

		assertThat(page.select("tr.contact-row").eachAttr("data-contact-id")).containsExactly("c-1", "c-2");
		Element alice = page.selectFirst("tr.contact-row");
		assertThat(alice.select("td").eachText()).containsExactly("Alice Chen", "Head of purchasing",
				"alice@acme.example", "+86 21 5555 0101", "Simplified Chinese", "Asia/Shanghai", "Email",
				"Marketing: yes Surveys: no", "None", "Edit");
		assertThat(alice.select("a[href^=mailto:]").attr("href")).isEqualTo("mailto:alice@acme.example");
		assertThat(page.select("tr.contact-row").get(1).select("td").eachText()).containsExactly("Bo Zhang", "—", "—",
				"—", "English", "Europe/Berlin", "—", "Marketing: no Surveys: yes", "None", "Edit");

		assertThat(page.select("tr.order-row").eachAttr("data-order-number")).containsExactly("ACME-1001", "ACME-1002");
		Element first = page.selectFirst("tr.order-row");
		assertThat(first.select(".badge").text()).isEqualTo("Shipped");
		assertThat(first.select("a.console-order-link").attr("href")).isEqualTo("/console/orders/acme-retail/ACME-1001");
		assertThat(first.select(".order-promised").text()).isEqualTo("Dec 10, 2025");
		assertThat(first.select("td.num").text()).isEqualTo("CNY 12,500.00");
		assertThat(page.select("tr.order-row").get(1).select(".badge").text()).isEqualTo("Confirmed");
		assertThat(page.select("tr.order-row").get(1).select(".order-promised").text()).isEqualTo("—");
		assertThat(page.select(".orders-unavailable")).isEmpty();
		assertThat(page.select("a[href=/console]").text()).isEqualTo("← All customers");
	}

	@Test
	void the360ShowsWhyTheTierTheOverrideAndHowDeliveriesGo() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme().toBuilder()
			.setTierReason(TierReason.newBuilder().setComputedTier(Tier.TIER_KEY).setRule("KEY_MONETARY").setHasOrders(true)
				.setRecencyDays(3).setFrequency(14).setMonetary("1321200.5").setCurrency("CNY").setWindowDays(365))
			.setTierOverride(TierOverride.newBuilder().setTier(Tier.TIER_VIP).setReason("Strategic account")
				.setEndDate("2027-03-31").setSetBy("manager.wang").setActive(true))
			.build());
		given(orders.ordersOf("acme-retail", 50)).willReturn(List.of());
		given(orders.deliveryPerformance("acme-retail")).willReturn(DeliveryPerformance.newBuilder()
			.setDelivered(13).setDeliveredWithPromisedDate(13).setDeliveredOnTime(12).setOnTimeRateBasisPoints(9230)
			.setInProgress(3).setInProgressLate(1)
			.addLateOrders(LateOrder.newBuilder().setOrderNumber("ACME-1016").setPromisedDate("2026-11-20").setDaysLate(10))
			.build());

		Document asAgent = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()).andReturn());

		assertThat(asAgent.select(".profile-tier-reason").text())
			.isEqualTo("Last order 3 days ago, 14 orders in 365 days, CNY 1,321,200.50: Key");
		assertThat(asAgent.select(".profile-tier-override").text())
			.isEqualTo("VIP, set by manager.wang until Mar 31, 2027: Strategic account");
		assertThat(asAgent.select(".delivery-rate").text())
			.isEqualTo("92.3% on time: 12 of 13 deliveries with a promised date in the last year");
		assertThat(asAgent.select(".delivery-progress").text()).isEqualTo("3 orders in progress, 1 of them late");
		assertThat(asAgent.select(".late-order").text()).isEqualTo("ACME-1016: promised Nov 20, 2026, 10 days late");
		assertThat(asAgent.select("form.tier-override-form")).as("overrides are the managers'").isEmpty();

		Document asManager = page(mvc.perform(get("/console/organisations/acme-retail")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()).andReturn());
		assertThat(asManager.select("form.tier-override-form").attr("action"))
			.isEqualTo("/console/organisations/acme-retail/tier-override");
		assertThat(asManager.select("form.tier-override-remove")).hasSize(1);
	}

	@Test
	void withoutDeliveryFiguresThePageSaysSoAndShowsTheRest() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(orders.ordersOf("acme-retail", 50)).willReturn(List.of());
		given(orders.deliveryPerformance("acme-retail"))
			.willThrow(new RemoteUnavailableException("order-tracking-service", Status.UNAVAILABLE.asRuntimeException()));

		Document page = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()).andReturn());

		assertThat(page.select(".delivery-unavailable").text()).startsWith("Delivery figures are temporarily unavailable");
		assertThat(page.select("h1").text()).isEqualTo("Acme Retail");
	}

	@Test
	void onlyAnAdminIsOfferedTheContactsPersonalData() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(orders.ordersOf("acme-retail", 50)).willReturn(List.of());

		Document asAdmin = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk()).andReturn());
		Document asAgent = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()).andReturn());

		String contactId = acme().getContacts(0).getId();
		assertThat(asAdmin.select(".contact-row").first().select("a.export-link").attr("href"))
			.isEqualTo("/console/organisations/acme-retail/contacts/" + contactId + "/personal-data");
		assertThat(asAdmin.select(".contact-row").first().select("a.erase-link").attr("href"))
			.isEqualTo("/console/organisations/acme-retail/contacts/" + contactId + "/erase");
		assertThat(asAgent.select(".personal-data, a.export-link, a.erase-link")).isEmpty();
	}

	@Test
	void theTimelineShowsTheLatestInteractionsTranslated() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(timeline.timeline("acme-retail", null, OrganisationController.TIMELINE, null))
			.willReturn(ListInteractionsResponse.newBuilder().addInteractions(
				Interaction.newBuilder().setKind(InteractionKind.INTERACTION_KIND_ORDER_DELIVERED)
					.setSummary("Order ACME-1001 delivered")
					.setOccurredAt(Timestamp.newBuilder().setSeconds(1764500000)).build()).addInteractions(
				Interaction.newBuilder().setKind(InteractionKind.INTERACTION_KIND_ORDER_PLACED)
					.setSummary("Order ACME-1001 placed")
					.setOccurredAt(Timestamp.newBuilder().setSeconds(1764400000)).build()).build());

		Document page = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()).andReturn());

		assertThat(page.select("li.interaction .interaction-kind").eachText())
			.containsExactly("Order delivered", "Order placed");
		assertThat(page.select("li.interaction .interaction-summary").eachText())
			.containsExactly("Order ACME-1001 delivered", "Order ACME-1001 placed");
		assertThat(page.select(".timeline-unavailable")).isEmpty();
	}

	@Test
	void timelineDownStillShowsTheProfileWithANotice() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(timeline.timeline("acme-retail", null, OrganisationController.TIMELINE, null))
			.willThrow(new RemoteUnavailableException("customer-service", null));

		Document page = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()).andReturn());

		assertThat(page.select("h1").text()).isEqualTo("Acme Retail");
		assertThat(page.select(".timeline-unavailable").text()).contains("temporarily unavailable");
	}

	@Test
	void organisationWithoutContactsOrOrdersSaysSo() throws Exception {
		given(customers.organisation("globex-trading")).willReturn(Organisation.newBuilder().setId("globex-trading")
			.setName("Globex Trading").build());
		given(orders.ordersOf("globex-trading", 50)).willReturn(List.of());

		Document page = page(mvc.perform(get("/console/organisations/globex-trading").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page.select("p.empty").eachText()).containsExactly("No delivered order yet: nothing to project.",
				"No contacts recorded.", "No survey answered yet.", "No orders for this organisation yet.", "Nothing recorded yet.");
		assertThat(page.select(".profile-size").text()).isEqualTo("—");
		assertThat(page.select(".profile-country").text()).isEqualTo("—");
		assertThat(page.select(".profile-tags").text()).isEqualTo("—");
		assertThat(page.select(".profile-status").text()).isEqualTo("—");
		assertThat(page.select("table")).isEmpty();
	}

	@Test
	void orderTrackingDownStillShowsTheProfileWithANoticeInPlaceOfTheOrders() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(orders.ordersOf("acme-retail", 50)).willThrow(new RemoteUnavailableException("order-tracking-service",
				Status.UNAVAILABLE.withDescription("io exception").asRuntimeException()));

		MvcResult result = mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk())
			.andExpect(view().name("console/organisation"))
			.andReturn();

		Document page = page(result);
		assertThat(page.select("h1").text()).isEqualTo("Acme Retail");
		assertThat(page.select(".profile-tier").text()).isEqualTo("VIP");
		assertThat(page.select("tr.contact-row")).hasSize(2);
		assertThat(page.select("p.orders-unavailable").text()).startsWith("Orders are temporarily unavailable.");
		assertThat(page.select("tr.order-row")).isEmpty();
		assertThat(page.select("p.empty").eachText()).as("no 'no orders' where orders are unknown")
			.containsExactly("No delivered order yet: nothing to project.", "No survey answered yet.",
					"Nothing recorded yet.");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("io exception")
			.doesNotContain("order-tracking-service");
	}

	@Test
	void customerServiceDownGivesTheUnavailablePage() throws Exception {
		given(customers.organisation("acme-retail"))
			.willThrow(new RemoteUnavailableException("customer-service", new IllegalStateException("breaker open")));

		mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(view().name("error/unavailable"));

		verifyNoInteractions(orders);
	}

	@Test
	void unknownOrganisationGetsTheNotFoundPageWithoutAskingForOrders() throws Exception {
		given(customers.organisation("no-such-org")).willThrow(NotFoundException.withoutCode("Organisation no-such-org not found"));

		MvcResult result = mvc.perform(get("/console/organisations/no-such-org").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/not-found"))
			.andReturn();

		assertThat(page(result).select("h1").text()).isEqualTo("Not found");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("no-such-org");
		verifyNoInteractions(orders);
	}

	@Test
	void customerAskingForAnOrganisationPageGetsTheForbiddenPage() throws Exception {
		Document page = page(mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden())
			.andExpect(view().name("error/forbidden"))
			.andReturn());

		assertThat(page.select("h1").text()).isEqualTo("Not available to you");
		verifyNoInteractions(customers, orders);
	}

	@Test
	void customerOfAnotherOrganisationGetsTheForbiddenPageToo() throws Exception {
		mvc.perform(get("/console/organisations/acme-retail").with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isForbidden())
			.andExpect(view().name("error/forbidden"));

		verifyNoInteractions(customers, orders);
	}

	@Test
	void withoutATokenTheAnswerIs401() throws Exception {
		mvc.perform(get("/console/organisations/acme-retail")).andExpect(status().isUnauthorized());

		verifyNoInteractions(customers, orders);
	}

	@Test
	void labelsAndValuesAreTranslatedForChineseReaders() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(orders.ordersOf("acme-retail", 50)).willThrow(new RemoteUnavailableException("order-tracking-service",
				new IllegalStateException("breaker open")));

		Document page = page(mvc.perform(get("/console/organisations/acme-retail").param("lang", "zh-CN")
			.with(as(TestTokens.staff("agent")))).andExpect(status().isOk()).andReturn());

		assertThat(page.select("html").attr("lang")).isEqualTo("zh-CN");
		assertThat(page.select("h2").eachText()).containsExactly("客户档案", "客户终身价值", "忠诚度积分", "联系人", "未结工单", "满意度", "交付", "订单",
				"互动时间线");
		assertThat(page.select("dl.profile dt").eachText()).contains("客户分级", "生命周期", "客户经理");
		assertThat(page.select(".profile-tier").text()).isEqualTo("VIP客户");
		assertThat(page.select(".profile-lifecycle").text()).isEqualTo("忠诚");
		assertThat(page.select(".profile-size").text()).isEqualTo("大型（250–999 人）");
		assertThat(page.select(".profile-country").text()).isEqualTo("中国 (CN)");
		assertThat(page.selectFirst("tr.contact-row").select("td").eachText()).contains("电子邮件", "简体中文",
				"营销信息：同意 满意度调查：不同意");
		assertThat(page.select("p.orders-unavailable").text()).startsWith("订单信息暂时无法显示。");
	}

	@Test
	void aChineseReaderSeesTheTimelineAndChosenValuesInChineseAndNoEnglishSentence() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(timeline.timeline("acme-retail", null, OrganisationController.TIMELINE, null))
			.willReturn(ListInteractionsResponse.newBuilder()
				.addInteractions(coded(InteractionKind.INTERACTION_KIND_TIER_CHANGED,
						"Tier KEY → VIP: ordered 3 days ago, 12 orders in 12 months, CNY 1,321,200",
						"timeline.tier.changed", "#{timeline.tier.KEY}", "#{timeline.tier.VIP}",
						"#{timeline.recency.days|3}", "#{timeline.orders.many|12}", "#{timeline.window.months|12}", "CNY",
						"1,321,200"))
				.addInteractions(coded(InteractionKind.INTERACTION_KIND_ORDER_PLACED, "Order ACME-1014 placed",
						"timeline.order.placed", "ACME-1014"))
				.addInteractions(coded(InteractionKind.INTERACTION_KIND_CARE_EVENT,
						"Birthday greeting sent to Alice Chen by email", "timeline.greeting.birthday.sent", "Alice Chen"))
				.addInteractions(coded(InteractionKind.INTERACTION_KIND_SURVEY_ANSWERED, "CSAT 2/5 on ticket T-1001",
						"timeline.survey.ticket", "CSAT", "2", "5", "T-1001"))
				.build());
		given(orders.ordersOf("acme-retail", 50)).willReturn(List.of());

		Document page = page(mvc.perform(get("/console/organisations/acme-retail").header("Accept-Language", "zh-CN")
			.with(as(TestTokens.staff("agent")))).andExpect(status().isOk()).andReturn());

		assertThat(page.select("li.interaction .interaction-summary").eachText()).containsExactly(
				"等级 重要客户 → VIP客户：3 天前下过单，12 个月内 12 笔订单，CNY 1,321,200", "订单 ACME-1014 已下单",
				"已通过电子邮件向 Alice Chen 发送生日问候", "工单 T-1001 的 CSAT 评分：2/5");
		assertThat(page.select(".profile-industry").text()).isEqualTo("零售");
		assertThat(page.select(".profile-region").text()).isEqualTo("华东");
		// What is left in Latin letters is names, numbers and codes (CSAT, CNY, VIP), never an English sentence.
		assertThat(page.select("main").text()).doesNotContainPattern("\\b(?i:ordered|orders|placed|sent|greeting|"
				+ "months|Check this field|must)\\b");
	}

	private static Interaction coded(InteractionKind kind, String summary, String code, String... args) {
		return Interaction.newBuilder().setKind(kind).setSummary(summary).setSummaryCode(code)
			.addAllSummaryArgs(List.of(args)).setOccurredAt(PLACED_AT).build();
	}

	static Organisation acme() {
		return Organisation.newBuilder().setId("acme-retail").setName("Acme Retail").setIndustry("Retail")
			.setSizeBand(SizeBand.SIZE_BAND_LARGE).setCountry("CN").setRegion("East China")
			.addTags("strategic").addTags("apparel").setAccountManager("wei.li")
			.setStatus(OrganisationStatus.ORGANISATION_STATUS_ACTIVE).setTier(Tier.TIER_VIP)
			.setLifecycleStage(LifecycleStage.LIFECYCLE_STAGE_LOYAL).setExternalId("ERP-0042")
			.addContacts(Contact.newBuilder().setId("c-1").setName("Alice Chen").setJobTitle("Head of purchasing")
				.setEmail("alice@acme.example").setPhone("+86 21 5555 0101").setLanguage("zh-CN")
				.setTimeZone("Asia/Shanghai").setPreferredChannel(PreferredChannel.PREFERRED_CHANNEL_EMAIL)
				.setMarketingConsent(true).setSurveyConsent(false))
			.addContacts(Contact.newBuilder().setId("c-2").setName("Bo Zhang").setLanguage("en")
				.setTimeZone("Europe/Berlin").setSurveyConsent(true))
			.build();
	}

	static Order order(String number, MilestoneCode status, String promisedDate) {
		return Order.newBuilder().setId("o-" + number).setCustomerId("acme-retail").setCustomerName("Acme Retail")
			.setOrderNumber(number).setStatus(status).setPlacedAt(PLACED_AT).setPromisedDate(promisedDate)
			.setTotal(Money.newBuilder().setCurrency("CNY").setMinorUnits(1_250_000)).build();
	}

	static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}
}
