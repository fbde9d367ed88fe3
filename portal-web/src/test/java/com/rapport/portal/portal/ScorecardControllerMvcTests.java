package com.rapport.portal.portal;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.rapport.contracts.feedback.v1.FeedbackFigures;
import com.rapport.contracts.feedback.v1.Improvement;
import com.rapport.contracts.feedback.v1.KindFigures;
import com.rapport.contracts.feedback.v1.PeriodFigures;
import com.rapport.contracts.ordertracking.v1.DeliveryPerformance;
import com.rapport.contracts.ticket.v1.TicketFigures;
import com.rapport.contracts.ticket.v1.TicketPeriodFigures;
import com.rapport.portal.remote.FiguresClient;
import com.rapport.portal.remote.ImprovementClient;
import com.rapport.portal.remote.OrderClient;
import com.rapport.portal.remote.TicketFiguresClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.RemoteUnavailableException;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The customer's scorecard (the HTML parsed): on-time delivery, SLA kept, its own scores by month and what was changed,
 * each asked for the token's organisation; one service down leaves its part with a notice. Services stood in for.
 */
@WebMvcTest(ScorecardController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class ScorecardControllerMvcTests {

	static final String FROM = YearMonth.now(ZoneOffset.UTC).minusMonths(11).toString();

	static final String TO = YearMonth.now(ZoneOffset.UTC).toString();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrderClient orders;

	@MockitoBean
	TicketFiguresClient tickets;

	@MockitoBean
	FiguresClient scores;

	@MockitoBean
	ImprovementClient improvements;

	@BeforeEach
	void acmesFigures() {
		given(orders.deliveryPerformance("acme-retail")).willReturn(DeliveryPerformance.newBuilder()
			.setCustomerId("acme-retail").setDelivered(14).setDeliveredWithPromisedDate(13).setDeliveredOnTime(12)
			.setOnTimeRateBasisPoints(9_230).setInProgress(2).setInProgressLate(1).build());
		given(tickets.figures(FROM, TO, "acme-retail")).willReturn(TicketFigures.newBuilder()
			.setTotal(TicketPeriodFigures.newBuilder().setResolved(9).setSlaKept(8).setSlaKeptBp(8_888)
				.setFirstResponseSecondsAverage(1_800))
			.setOpen(2)
			.setCommitmentsTotal(com.rapport.contracts.ticket.v1.CommitmentFigures.newBuilder().setKept(4).setBroken(1))
			.build());
		given(scores.figures(FROM, TO, List.of("acme-retail"), Map.of())).willReturn(FeedbackFigures.newBuilder()
			.addMonths(PeriodFigures.newBuilder().setLabel(TO)
				.setCsat(KindFigures.newBuilder().setAnswers(2).setCsatPercentBp(5_000))
				.setNps(KindFigures.newBuilder().setAnswers(1).setNps(100))
				.setCes(KindFigures.newBuilder()))
			.build());
		given(improvements.list(null)).willReturn(List.of(Improvement.newBuilder().setId("i-1")
			.setYouSaid("Order updates come late").setWeDid("Updates now go out within the hour").build()));
	}

	private static Document page(ResultActions actions) throws Exception {
		return Jsoup.parse(actions.andReturn().getResponse().getContentAsString());
	}

	@Test
	void aContactSeesHowTheSupplierKeepsItsPromisesToItsOwnOrganisation() throws Exception {
		Document page = page(mvc.perform(get("/portal/scorecard").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk()));

		assertThat(page.select(".kpi-on-time dd").first().text()).isEqualTo("92.3%");
		assertThat(page.select(".kpi-on-time dd").get(1).text()).isEqualTo("12 of 13 orders with a promised date");
		assertThat(page.select(".kpi-sla dd").first().text()).isEqualTo("88.8%");
		assertThat(page.select(".kpi-frt dd").text()).isEqualTo("0 h 30 min");
		assertThat(page.select(".kpi-commitments dd").text()).isEqualTo("Commitments kept: 4 of 5");
		assertThat(page.select("tr.month-row[data-month=" + TO + "] td.csat").text()).isEqualTo("50.0%");
		assertThat(page.select("tr.month-row[data-month=" + TO + "] td.ces").text()).isEqualTo("—");
		assertThat(page.select(".improvement-card .we-did span").text()).isEqualTo("Updates now go out within the hour");
		verify(tickets).figures(FROM, TO, "acme-retail");
		assertThat(page.select(".topbar .nav-scorecard").attr("href")).isEqualTo("/portal/scorecard");
	}

	@Test
	void inChineseThePageSpeaksChinese() throws Exception {
		Document page = page(mvc.perform(get("/portal/scorecard").param("lang", "zh-CN")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("我们如何兑现对您的承诺");
		assertThat(page.select(".kpi-on-time dt").text()).isEqualTo("准时交付");
		assertThat(page.select(".kpi-commitments dd").text()).isEqualTo("承诺兑现：5 项中 4 项");
	}

	@Test
	void withTicketServiceDownTheRestIsShownAndThatPartSaysSo() throws Exception {
		given(tickets.figures(anyString(), anyString(), anyString()))
			.willThrow(new RemoteUnavailableException("ticket-service", null));

		Document page = page(mvc.perform(get("/portal/scorecard").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk()));

		assertThat(page.select(".kpi-sla .unavailable")).hasSize(1);
		assertThat(page.select(".kpi-on-time dd").first().text()).isEqualTo("92.3%");
	}

	@Test
	void staffAreRefusedBeforeAnythingIsAsked() throws Exception {
		mvc.perform(get("/portal/scorecard").with(as(TestTokens.staff("manager")))).andExpect(status().isForbidden());

		verifyNoInteractions(orders, tickets, scores, improvements);
		verify(orders, org.mockito.Mockito.never()).deliveryPerformance(any());
	}
}
