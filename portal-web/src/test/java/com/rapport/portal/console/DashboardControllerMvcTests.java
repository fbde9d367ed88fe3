package com.rapport.portal.console;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.rapport.contracts.customer.v1.ListOrganisationsResponse;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.contracts.feedback.v1.FeedbackFigures;
import com.rapport.contracts.feedback.v1.KindFigures;
import com.rapport.contracts.feedback.v1.PeriodFigures;
import com.rapport.contracts.ticket.v1.Backlog;
import com.rapport.contracts.ticket.v1.TicketFigures;
import com.rapport.contracts.ticket.v1.TicketPeriodFigures;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.remote.FiguresClient;
import com.rapport.portal.remote.TicketFiguresClient;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's feedback dashboard (the HTML parsed): KPI tiles, the months, the breakdown and the charts' data from
 * feedback-service's figures, filters by customer-service's organisations, the CSV; managers only. Both services stood
 * in for.
 */
@WebMvcTest(DashboardController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import({ PageTestConfiguration.class, DashboardCharts.class, OperationsFigures.class })
class DashboardControllerMvcTests {

	static final Organisation ACME = Organisation.newBuilder().setId("acme-retail").setName("Acme Retail")
		.setTier(Tier.TIER_VIP).setIndustry("Retail").setRegion("East China").build();

	static final Organisation GLOBEX = Organisation.newBuilder().setId("globex-trading").setName("Globex Trading")
		.setTier(Tier.TIER_NORMAL).setIndustry("Wholesale").setRegion("").build();

	/** Two CSAT 5, one CSAT 2, one NPS 10 and one NPS 3; no CES; 4 invited, 3 answered. */
	static final PeriodFigures NOVEMBER = PeriodFigures.newBuilder().setLabel("2026-11")
		.setCsat(KindFigures.newBuilder().setAnswers(3).addAllDistribution(List.of(0L, 0L, 1L, 0L, 0L, 2L))
			.setCsatPercentBp(6_666).setInvited(4).setInvitedAnswered(3))
		.setNps(KindFigures.newBuilder().setAnswers(2).setNps(0).setPromoters(1).setDetractors(1)
			.addAllDistribution(List.of(0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 1L)))
		.setCes(KindFigures.newBuilder().addAllDistribution(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L)))
		.setResponseRateBp(7_500)
		.build();

	static final PeriodFigures OCTOBER = PeriodFigures.newBuilder().setLabel("2026-10")
		.setCsat(KindFigures.newBuilder().addAllDistribution(List.of(0L, 0L, 0L, 0L, 0L, 0L)))
		.setNps(KindFigures.newBuilder().addAllDistribution(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L)))
		.setCes(KindFigures.newBuilder().addAllDistribution(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L)))
		.build();

	static final FeedbackFigures FIGURES = FeedbackFigures.newBuilder().addMonths(OCTOBER).addMonths(NOVEMBER)
		.setTotal(NOVEMBER.toBuilder().setLabel(""))
		.addGroups(NOVEMBER.toBuilder().setLabel("VIP"))
		.addGroups(OCTOBER.toBuilder().setLabel("NORMAL"))
		.build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	FiguresClient figures;

	@MockitoBean
	CustomerClient customers;

	@MockitoBean
	TicketFiguresClient tickets;

	@MockitoBean
	com.rapport.portal.remote.DeliveryFiguresClient deliveries;

	@MockitoBean
	com.rapport.portal.remote.LifecycleFiguresClient lifecycle;

	/** October: 3 delivered, 2 of them on time of 3 promised; November none; VIP all of them, Normal none. */
	static final com.rapport.contracts.ordertracking.v1.DeliveryFigures DELIVERIES = com.rapport.contracts.ordertracking.v1.DeliveryFigures
		.newBuilder()
		.addMonths(com.rapport.contracts.ordertracking.v1.DeliveryCounts.newBuilder().setLabel("2026-10").setDelivered(3)
			.setWithPromisedDate(3).setOnTime(2).setOnTimeShareBp(6_666))
		.addMonths(com.rapport.contracts.ordertracking.v1.DeliveryCounts.newBuilder().setLabel("2026-11"))
		.setTotal(com.rapport.contracts.ordertracking.v1.DeliveryCounts.newBuilder().setDelivered(3).setWithPromisedDate(3)
			.setOnTime(2).setOnTimeShareBp(6_666))
		.addGroups(com.rapport.contracts.ordertracking.v1.DeliveryCounts.newBuilder().setLabel("VIP").setDelivered(3)
			.setWithPromisedDate(3).setOnTime(2).setOnTimeShareBp(6_666))
		.addGroups(com.rapport.contracts.ordertracking.v1.DeliveryCounts.newBuilder().setLabel("Normal"))
		.build();

	/** Now 3 active, 1 dormant, 1 churned, 1 prospect; October one became churned (3 of 4 kept), November none. */
	static final com.rapport.contracts.customer.v1.LifecycleFigures LIFECYCLE = com.rapport.contracts.customer.v1.LifecycleFigures
		.newBuilder()
		.setTotal(com.rapport.contracts.customer.v1.LifecycleCounts.newBuilder().setActive(3).setDormant(1).setChurned(1)
			.setProspects(1).setRetentionBp(8_000).setBecameChurned(1).setBecameDormant(2).setPeriodRetentionBp(7_500))
		.addGroups(com.rapport.contracts.customer.v1.LifecycleCounts.newBuilder().setLabel("VIP").setActive(1)
			.setRetentionBp(10_000).setPeriodRetentionBp(10_000))
		.addGroups(com.rapport.contracts.customer.v1.LifecycleCounts.newBuilder().setLabel("NORMAL").setProspects(1)
			.setBecameChurned(1))
		.addMonths(com.rapport.contracts.customer.v1.LifecycleCounts.newBuilder().setLabel("2026-10").setBecameChurned(1)
			.setBecameDormant(2).setPeriodRetentionBp(7_500))
		.addMonths(com.rapport.contracts.customer.v1.LifecycleCounts.newBuilder().setLabel("2026-11").setWon(1))
		.build();

	static final TicketFigures TICKETS = TicketFigures.newBuilder()
		.addMonths(TicketPeriodFigures.newBuilder().setLabel("2026-10"))
		.addMonths(TicketPeriodFigures.newBuilder().setLabel("2026-11").setResolved(3).setFirstResponseSecondsAverage(3_900)
			.setHandlingSecondsAverage(72_000).setFirstContactResolved(2).setFirstContactResolutionBp(6_666).setSlaKept(3)
			.setSlaKeptBp(10_000).setFirstResponseWorkingSecondsAverage(1_800).setHandlingWorkingSecondsAverage(32_400))
		.setTotal(TicketPeriodFigures.newBuilder().setResolved(3).setFirstResponseSecondsAverage(3_900)
			.setHandlingSecondsAverage(72_000).setFirstContactResolved(2).setFirstContactResolutionBp(6_666).setSlaKept(3)
			.setSlaKeptBp(10_000).setFirstResponseWorkingSecondsAverage(1_800).setHandlingWorkingSecondsAverage(32_400))
		.addWorkingTimeCalendars(com.rapport.contracts.ticket.v1.FiguresCalendar.newBuilder().setId("standard")
			.setName("Shanghai office"))
		.setOpen(4).setBreached(1)
		.addByTier(Backlog.newBuilder().setKey("VIP").setOpen(4).setBreached(1))
		.addByAssignee(Backlog.newBuilder().setKey("").setOpen(1))
		.addByAssignee(Backlog.newBuilder().setKey("agent.li").setOpen(3).setBreached(1))
		.build();

	@BeforeEach
	void twoOrganisations() {
		given(customers.search("", 200, "")).willReturn(
				ListOrganisationsResponse.newBuilder().addOrganisations(ACME).addOrganisations(GLOBEX).build());
		given(figures.bySegment(anyString(), anyString(), anyString(), anyString(), anyString(), anyString()))
			.willReturn(FIGURES);
		given(tickets.figures(anyString(), anyString(), eq(""))).willReturn(TICKETS);
		given(deliveries.figures(anyString(), anyString(), anyList(), anyMap())).willReturn(DELIVERIES);
		given(lifecycle.bySegment(anyString(), anyString(), anyString(), anyString(), anyString(), anyString()))
			.willReturn(LIFECYCLE);
		given(lifecycle.choices()).willReturn(com.rapport.contracts.customer.v1.SegmentChoices.newBuilder()
			.addIndustries("Chemicals").addIndustries("Retail").addIndustries("Wholesale").addRegions("East China")
			.addRegions("North China").build());
	}

	@Test
	void onTimeDeliveryAndTheCustomersStagesShowForTheSameOrganisationsAndBreakdown() throws Exception {
		Document page = page(mvc.perform(get("/console/dashboard").param("from", "2026-10").param("to", "2026-11")
			.param("industry", "Retail").with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));

		verify(deliveries).figures("2026-10", "2026-11", List.of("acme-retail"), Map.of("VIP", List.of("acme-retail")));
		verify(lifecycle).bySegment("2026-10", "2026-11", "", "Retail", "", "tier");
		verify(lifecycle, never()).figures(anyList(), anyMap());
		assertThat(page.select(".kpi-on-time dd").first().text()).isEqualTo("66.6%");
		assertThat(page.select(".kpi-on-time dd").get(1).text()).isEqualTo("2 of 3 with a promised date; 3 delivered");
		assertThat(page.select(".kpi-retention dd").first().text()).isEqualTo("80.0%");
		assertThat(page.select(".kpi-churned dd").first().text()).isEqualTo("1");
		assertThat(page.select("table.delivery-months tr.delivery-row")).extracting(row -> row.attr("data-key"))
			.containsExactly("2026-10", "2026-11");
		assertThat(page.select("table.delivery-months tr[data-key=2026-11] td.on-time").text()).isEqualTo("—");
		assertThat(page.select("table.delivery-months tr[data-key=2026-10] td.on-time").attr("data-label"))
			.isEqualTo("Delivered on time");
		assertThat(page.select("table.delivery-groups tr[data-key=VIP] td.on-time").text()).isEqualTo("66.6%");
		assertThat(page.select("table.lifecycle-groups tr[data-group=Normal] td.retention").text()).isEqualTo("—");
		assertThat(page.select("table.lifecycle-groups tr[data-group=Normal] td.became-churned").text()).isEqualTo("1");
		assertThat(page.select("table.lifecycle-groups tr[data-group=VIP] td.period-retention").text())
			.isEqualTo("100.0%");
		assertThat(page.select(".kpi-period-retention dd").first().text()).isEqualTo("75.0%");
		assertThat(page.select(".kpi-churned dd").get(1).text()).isEqualTo("1 became so in the period");
		assertThat(page.select("table.lifecycle-months tr.lifecycle-month")).extracting(row -> row.attr("data-month"))
			.containsExactly("2026-10", "2026-11");
		assertThat(page.select("table.lifecycle-months tr[data-month=2026-10] td.became-dormant").text()).isEqualTo("2");
		assertThat(page.select("table.lifecycle-months tr[data-month=2026-11] td.retention").text()).isEqualTo("—");
		assertThat(page.select("table.lifecycle-months tr[data-month=2026-11] td.won").attr("data-label"))
			.isEqualTo("First order");
		assertThat(page.select("#operations-limits").text()).contains("when the period began", "agent or team");
	}

	@Test
	void withoutOrderTrackingTheCustomersStagesStillShowAndThePageSaysSoInChinese() throws Exception {
		given(deliveries.figures(anyString(), anyString(), anyList(), anyMap()))
			.willThrow(new RemoteUnavailableException("order-tracking-service", null));

		Document page = page(mvc.perform(get("/console/dashboard").param("lang", "zh-CN")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));

		assertThat(page.select("#deliveries-unavailable").text()).startsWith("暂时无法读取交付数据");
		assertThat(page.select("table.delivery-months")).isEmpty();
		assertThat(page.select("#operations-title").text()).isEqualTo("交付与客户");
		assertThat(page.select(".kpi-retention dt").text()).isEqualTo("当前留存率");
		assertThat(page.select(".kpi-period-retention dt").text()).isEqualTo("期间留存率");
		assertThat(page.select("table.lifecycle-groups tr.lifecycle-row")).extracting(row -> row.attr("data-group"))
			.containsExactly("VIP客户", "普通客户");
	}

	@Test
	void theIndustryAndRegionChoicesComeFromCustomerServiceNotFromTheOrganisationsRead() throws Exception {
		Document page = page(mvc.perform(get("/console/dashboard").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk()));

		assertThat(page.select("select[name=industry] option")).extracting(org.jsoup.nodes.Element::val)
			.containsExactly("", "Chemicals", "Retail", "Wholesale");
		assertThat(page.select("select[name=region] option")).extracting(org.jsoup.nodes.Element::val)
			.containsExactly("", "East China", "North China");
	}

	@Test
	void withoutCustomerServiceTheLifecyclePartSaysSoAndTheChoicesAreThoseOfTheOrganisationsRead() throws Exception {
		given(lifecycle.bySegment(anyString(), anyString(), anyString(), anyString(), anyString(), anyString()))
			.willThrow(new RemoteUnavailableException("customer-service", null));
		given(lifecycle.choices()).willThrow(new RemoteUnavailableException("customer-service", null));

		Document page = page(mvc.perform(get("/console/dashboard").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk()));

		assertThat(page.select("#lifecycle-unavailable")).hasSize(1);
		assertThat(page.select(".kpi-on-time dd").first().text()).isEqualTo("66.6%");
		assertThat(page.select("select[name=industry] option")).extracting(org.jsoup.nodes.Element::val)
			.containsExactly("", "Retail", "Wholesale");
	}

	private static Document page(ResultActions actions) throws Exception {
		return Jsoup.parse(actions.andReturn().getResponse().getContentAsString());
	}

	@Test
	void aManagerSeesTheFiguresOfTheLastTwelveMonthsByTierWithTheirCharts() throws Exception {
		Document page = page(mvc.perform(get("/console/dashboard").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk()));

		YearMonth now = YearMonth.now(ZoneOffset.UTC);
		verify(figures).bySegment(now.minusMonths(11).toString(), now.toString(), "", "", "", "tier");
		verify(figures, never()).figures(anyString(), anyString(), anyList(), anyMap());
		assertThat(page.select(".kpi-csat dd").first().text()).isEqualTo("66.6%");
		assertThat(page.select(".kpi-nps dd").first().text()).isEqualTo("0");
		assertThat(page.select(".kpi-nps dd").get(1).text()).isEqualTo("1 promoters, 0 passives, 1 detractors");
		assertThat(page.select(".kpi-ces dd").first().text()).isEqualTo("—");
		assertThat(page.select(".kpi-response-rate dd").text()).isEqualTo("75.0%");
		assertThat(page.select("tr.month-row")).extracting(row -> row.attr("data-month"))
			.containsExactly("2026-10", "2026-11");
		assertThat(page.select("tr.month-row[data-month=2026-10] td.csat").text()).isEqualTo("—");
		assertThat(page.select("tr.month-row[data-month=2026-11] td.answers").text()).isEqualTo("5");
		assertThat(page.select("tr.group-row")).extracting(row -> row.attr("data-group")).containsExactly("VIP",
				"Normal");
		String trend = page.select("canvas#trend-chart").attr("data-chart");
		assertThat(trend).startsWith("{\"type\":\"line\",\"labels\":[\"2026-10\",\"2026-11\"]")
			.contains("{\"label\":\"CSAT %\",\"data\":[null,66.66]}")
			.contains("{\"label\":\"Response rate\",\"data\":[null,75]}");
		assertThat(page.select("canvas[id^=distribution-chart]")).hasSize(3);
		assertThat(page.select("canvas#distribution-chart-0").attr("data-chart"))
			.isEqualTo("{\"type\":\"bar\",\"labels\":[\"1\",\"2\",\"3\",\"4\",\"5\"],\"datasets\":[{\"label\":"
					+ "\"CSAT answers by score\",\"data\":[0,1,0,0,2]}]}");
		assertThat(page.select("canvas#breakdown-chart").attr("data-chart")).contains("\"labels\":[\"VIP\",\"Normal\"]");
		assertThat(page.select("a.csv-link").attr("href")).startsWith("/console/dashboard.csv?from=");
		assertThat(page.select(".topbar .nav-dashboard").attr("href")).isEqualTo("/console/dashboard");
	}

	@Test
	void theTicketFiguresOfEveryOrganisationShowTheirAveragesSharesAndBacklog() throws Exception {
		Document page = page(mvc.perform(get("/console/dashboard").param("from", "2026-10").param("to", "2026-11")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));

		verify(tickets).figures("2026-10", "2026-11", "");
		// Session 17: the averages in working hours on the calendar named, the wall clock beside them.
		assertThat(page.select(".kpi-frt dt").text()).isEqualTo("First response, average (working hours)");
		assertThat(page.select(".kpi-frt dd.working-time").text()).isEqualTo("0 h 30 min");
		assertThat(page.select(".kpi-frt dd.wall-clock").text()).isEqualTo("1 h 5 min on the clock");
		assertThat(page.select(".kpi-aht dd.working-time").text()).isEqualTo("9 h 0 min");
		assertThat(page.select(".kpi-aht dd.wall-clock").text()).isEqualTo("20 h 0 min on the clock");
		assertThat(page.select("tr.ticket-month-row[data-month=2026-11] td.frt").text()).isEqualTo("0 h 30 min");
		assertThat(page.select("tr.ticket-month-row[data-month=2026-11] td.aht").text()).isEqualTo("9 h 0 min");
		assertThat(page.select("tr.ticket-month-row[data-month=2026-10] td.frt").text()).isEqualTo("—");
		assertThat(page.select("p.ticket-calendars").text())
			.isEqualTo("Working hours as the business calendar counts them: Shanghai office");
		Document zh = page(mvc.perform(get("/console/dashboard").param("from", "2026-10").param("to", "2026-11")
			.param("lang", "zh-CN").with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));
		assertThat(zh.select(".kpi-frt dt").text()).isEqualTo("平均首次响应时间（工作小时）");
		assertThat(zh.select(".kpi-aht dd.working-time").text()).isEqualTo("9 小时 0 分钟");
		assertThat(zh.select(".kpi-aht dd.wall-clock").text()).isEqualTo("按自然时间 20 小时 0 分钟");
		assertThat(zh.select("p.ticket-calendars").text()).isEqualTo("工作小时按业务日历计算：Shanghai office");
		assertThat(page.select(".kpi-fcr dd").text()).isEqualTo("66.6%");
		assertThat(page.select(".kpi-sla dd").text()).isEqualTo("100.0%");
		assertThat(page.select(".kpi-backlog dd").first().text()).isEqualTo("4");
		assertThat(page.select("tr.ticket-month-row[data-month=2026-10] td.sla").text()).isEqualTo("—");
		assertThat(page.select("table[data-backlog=assignee] tr.backlog-row td:first-child"))
			.extracting(org.jsoup.nodes.Element::text).containsExactly("Unassigned", "agent.li");
	}

	@Test
	void withoutTicketServiceTheSurveyFiguresStillShowAndThePageSaysSo() throws Exception {
		given(tickets.figures(anyString(), anyString(), eq(""))).willThrow(new RemoteUnavailableException("ticket-service", null));

		Document page = page(mvc.perform(get("/console/dashboard").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk()));

		assertThat(page.select("#tickets-unavailable")).hasSize(1);
		assertThat(page.select(".kpi-csat dd").first().text()).isEqualTo("66.6%");
	}

	@Test
	void chartJsComesFromItsWebjarOnThisSiteAndNoScriptIsInline() throws Exception {
		Document page = page(mvc.perform(get("/console/dashboard").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk()));

		String chartJs = page.select("script[src*=chart]").attr("src");
		assertThat(chartJs).isEqualTo("/webjars/chart.js/" + DashboardController.CHART_JS_VERSION + "/dist/chart.umd.js");
		assertThat(new ClassPathResource("META-INF/resources" + chartJs).exists()).isTrue();
		assertThat(new ClassPathResource("static/js/dashboard.js").exists()).isTrue();
		assertThat(page.select("script:not([src])")).isEmpty();
	}

	@Test
	void inChineseTheTilesAndChartsSpeakChinese() throws Exception {
		Document page = page(mvc.perform(get("/console/dashboard").param("lang", "zh-CN")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("反馈数据");
		assertThat(page.select("canvas#trend-chart").attr("data-chart")).contains("\"label\":\"CSAT 满意率\"");
	}

	@Test
	void aFilterAsksOnlyForTheMatchingOrganisationsAndBreaksThemDownByRegion() throws Exception {
		mvc.perform(get("/console/dashboard").param("from", "2026-01").param("to", "2026-06").param("by", "region")
			.param("industry", "Retail").with(as(TestTokens.staff("manager")))).andExpect(status().isOk());

		verify(figures).bySegment("2026-01", "2026-06", "", "Retail", "", "region");
		verify(deliveries).figures("2026-01", "2026-06", List.of("acme-retail"),
				Map.of("East China", List.of("acme-retail")));
	}

	@Test
	void aFilterNoOrganisationMatchesNowSaysSoAndStillShowsTheSurveyFiguresOfThatSegment() throws Exception {
		given(lifecycle.bySegment(anyString(), anyString(), eq("TIER_KEY"), anyString(), anyString(), anyString()))
			.willReturn(com.rapport.contracts.customer.v1.LifecycleFigures.getDefaultInstance());

		Document page = page(mvc.perform(get("/console/dashboard").param("tier", "TIER_KEY")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));

		assertThat(page.select("#no-organisation").text()).startsWith("No organisation matches these filters now");
		assertThat(page.select(".kpi-csat dd").first().text()).isEqualTo("66.6%");
		assertThat(page.select("section.operations-figures")).isEmpty();
		verify(figures).bySegment(anyString(), anyString(), eq("TIER_KEY"), eq(""), eq(""), eq("tier"));
		verify(deliveries, never()).figures(anyString(), anyString(), anyList(), anyMap());
	}

	@Test
	void beyondTwoThousandOrganisationsTheSurveyFiguresStillCoverEveryOrganisationBySegment() throws Exception {
		for (int i = 0; i < DashboardController.MAX_ORGANISATION_PAGES; i++) {
			given(customers.search("", 200, i == 0 ? "" : "page-" + i)).willReturn(ListOrganisationsResponse.newBuilder()
				.addOrganisations(ACME).setNextPageToken("page-" + (i + 1)).build());
		}

		Document page = page(mvc.perform(get("/console/dashboard").param("from", "2026-10").param("to", "2026-11")
			.param("by", "tier").with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));

		assertThat(page.select("p.cut").text()).isEqualTo(
				"The delivery figures cover the first 2,000 organisations only; the survey and customer figures cover every organisation.");
		verify(figures).bySegment("2026-10", "2026-11", "", "", "", "tier");
		verify(lifecycle).bySegment("2026-10", "2026-11", "", "", "", "tier");
		verify(figures, never()).figures(anyString(), anyString(), anyList(), anyMap());
		assertThat(page.select("tr.group-row")).extracting(row -> row.attr("data-group")).containsExactly("VIP",
				"Normal");
		assertThat(page.select("#segment-note").text()).contains("when it answered");
	}

	@Test
	void answersOfNoRegionAndOfASegmentNotKnownWhenAnsweredAreNamedSoInBothLanguages() throws Exception {
		given(figures.bySegment(anyString(), anyString(), anyString(), anyString(), anyString(), eq("region")))
			.willReturn(FIGURES.toBuilder().clearGroups().addGroups(NOVEMBER.toBuilder().setLabel("East China"))
				.addGroups(OCTOBER.toBuilder().setLabel("")).addGroups(OCTOBER.toBuilder().setLabel("UNKNOWN"))
				.build());

		Document english = page(mvc.perform(get("/console/dashboard").param("by", "region")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));
		Document chinese = page(mvc.perform(get("/console/dashboard").param("by", "region").param("lang", "zh-CN")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));

		assertThat(english.select("tr.group-row")).extracting(row -> row.attr("data-group"))
			.containsExactly("East China", "Not given", "Not known when answered");
		assertThat(english.select("canvas#breakdown-chart").attr("data-chart"))
			.contains("\"labels\":[\"East China\",\"Not given\",\"Not known when answered\"]");
		assertThat(chinese.select("tr.group-row")).extracting(row -> row.attr("data-group"))
			.containsExactly("East China", "未填写", "回答时未知");
		assertThat(chinese.select("#segment-note").text()).isEqualTo("每条回答计入其组织在回答时所属的等级、行业和地区。");
	}

	@Test
	void aPeriodThatIsNoneOrReversedOrBreakdownUnknownIsA400WithTheLastTwelveMonths() throws Exception {
		for (Map<String, String> bad : List.of(Map.of("from", "last year"), Map.of("from", "2026-06", "to", "2026-01"),
				Map.of("from", "2024-01", "to", "2026-01"), Map.of("by", "mood"))) {
			var request = get("/console/dashboard").with(as(TestTokens.staff("manager")));
			bad.forEach((name, value) -> request.param(name, value));
			Document page = page(mvc.perform(request).andExpect(status().isBadRequest()));
			assertThat(page.select("#notice").text()).contains("last twelve months");
		}
		mvc.perform(get("/console/dashboard.csv").param("by", "mood").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theCsvHasAMonthLineEachThenThePeriodAndTheGroups() throws Exception {
		String csv = mvc.perform(get("/console/dashboard.csv").param("from", "2026-10").param("to", "2026-11")
			.with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"feedback-figures-2026-10-2026-11.csv\""))
			.andReturn().getResponse().getContentAsString();

		assertThat(csv.split("\r\n")).containsExactly(DashboardCsv.HEADER.strip(),
				"month,2026-10,0,,0,,0,0,0,0,,,0,0,",
				"month,2026-11,3,66.66,2,0,1,0,1,0,,,4,3,75.00",
				"total,,3,66.66,2,0,1,0,1,0,,,4,3,75.00",
				"group,VIP,3,66.66,2,0,1,0,1,0,,,4,3,75.00",
				"group,Normal,0,,0,,0,0,0,0,,,0,0,");
	}

	@Test
	void agentsAndCustomersAreRefusedBeforeAnythingIsAsked() throws Exception {
		mvc.perform(get("/console/dashboard").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		mvc.perform(get("/console/dashboard.csv").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());

		verifyNoInteractions(figures, lifecycle);
		verify(customers, never()).search(any(), eq(200), any());
	}
}
