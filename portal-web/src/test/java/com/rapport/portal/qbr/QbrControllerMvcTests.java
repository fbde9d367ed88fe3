package com.rapport.portal.qbr;

import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.feedback.v1.FeedbackFigures;
import com.rapport.contracts.feedback.v1.Improvement;
import com.rapport.contracts.feedback.v1.KindFigures;
import com.rapport.contracts.feedback.v1.PeriodFigures;
import com.rapport.contracts.ordertracking.v1.DeliveryPerformance;
import com.rapport.contracts.ticket.v1.TicketFigures;
import com.rapport.contracts.ticket.v1.TicketPeriodFigures;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.remote.FiguresClient;
import com.rapport.portal.remote.ImprovementClient;
import com.rapport.portal.remote.OrderClient;
import com.rapport.portal.remote.TicketFiguresClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The quarterly business review: the printable page (its HTML parsed) and the PDF (opened with PDFBox and its text
 * read) carry the organisation's quarter from the services that own each part. Services stood in for.
 */
@WebMvcTest(QbrController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import({ PageTestConfiguration.class, QbrReports.class, QbrPdf.class })
class QbrControllerMvcTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CustomerClient customers;

	@MockitoBean
	OrderClient orders;

	@MockitoBean
	TicketFiguresClient tickets;

	@MockitoBean
	FiguresClient scores;

	@MockitoBean
	ImprovementClient improvements;

	@MockitoBean
	com.rapport.portal.remote.DeliveryFiguresClient onTime;

	@BeforeEach
	void acmesQuarter() {
		given(customers.organisation("acme-retail"))
			.willReturn(Organisation.newBuilder().setId("acme-retail").setName("Acme Retail")
				.setLifecycleStage(com.rapport.contracts.customer.v1.LifecycleStage.LIFECYCLE_STAGE_LOYAL).build());
		given(onTime.figures("2026-04", "2026-09", List.of("acme-retail"), Map.of()))
			.willReturn(com.rapport.contracts.ordertracking.v1.DeliveryFigures.newBuilder()
				.addMonths(com.rapport.contracts.ordertracking.v1.DeliveryCounts.newBuilder().setLabel("2026-08")
					.setDelivered(5).setWithPromisedDate(4).setOnTime(3).setOnTimeShareBp(7_500))
				.addMonths(com.rapport.contracts.ordertracking.v1.DeliveryCounts.newBuilder().setLabel("2026-09"))
				.build());
		given(orders.deliveryPerformance(eq("acme-retail"), any(Timestamp.class), any(Timestamp.class)))
			.willReturn(DeliveryPerformance.newBuilder().setDelivered(14).setDeliveredWithPromisedDate(13)
				.setDeliveredOnTime(12).setOnTimeRateBasisPoints(9_230).setInProgressLate(1).build());
		given(tickets.figures("2026-07", "2026-09", "acme-retail")).willReturn(TicketFigures.newBuilder()
			.setTotal(TicketPeriodFigures.newBuilder().setResolved(9).setSlaKept(8).setSlaKeptBp(8_888)
				.setFirstResponseSecondsAverage(1_800).setHandlingSecondsAverage(72_000).setFirstContactResolutionBp(7_000))
			.setOpen(2).build());
		given(scores.figures("2026-04", "2026-09", List.of("acme-retail"), Map.of())).willReturn(FeedbackFigures
			.newBuilder()
			.addMonths(PeriodFigures.newBuilder().setLabel("2026-09")
				.setCsat(KindFigures.newBuilder().setAnswers(4).setCsatPercentBp(7_500))
				.setNps(KindFigures.newBuilder().setAnswers(1).setNps(100))
				.setCes(KindFigures.newBuilder()))
			.build());
		given(improvements.list("acme-retail")).willReturn(List.of(
				Improvement.newBuilder().setId("i-1").setCustomerId("acme-retail").setYouSaid("Order updates come late")
					.setWeDid("Updates now go out within the hour").build(),
				Improvement.newBuilder().setId("i-2").setYouSaid("For everyone").setWeDid("Not Acme's own").build()));
	}

	@Test
	void thePrintablePageShowsTheQuartersDeliveriesTicketsScoresAndImprovements() throws Exception {
		Document page = Jsoup.parse(mvc.perform(get("/console/organisations/acme-retail/qbr").param("quarter", "2026-Q3")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());

		assertThat(page.select(".qbr-organisation").text()).isEqualTo("Acme Retail");
		assertThat(page.select(".qbr-deliveries td.on-time").text()).isEqualTo("92.3%");
		assertThat(page.select(".qbr-tickets td.sla").text()).isEqualTo("88.8%");
		assertThat(page.select("tr.qbr-month[data-month=2026-09] td.csat").text()).isEqualTo("75.0%");
		assertThat(page.select(".qbr-improvements li")).hasSize(1);
		assertThat(page.select("tr.qbr-on-time-month[data-month=2026-08] td.on-time-share").text()).isEqualTo("75.0%");
		assertThat(page.select("tr.qbr-on-time-month[data-month=2026-09] td.on-time-share").text()).isEqualTo("—");
		assertThat(page.select(".qbr-stage strong").text()).isEqualTo("Loyal");
		assertThat(page.select("a.qbr-pdf").attr("href"))
			.isEqualTo("/console/organisations/acme-retail/qbr.pdf?quarter=2026-Q3");
		verify(orders).deliveryPerformance("acme-retail", Timestamp.newBuilder().setSeconds(1_782_864_000L).build(),
				Timestamp.newBuilder().setSeconds(1_790_812_800L).build());
	}

	@Test
	void thePdfOpensAndCarriesTheOrganisationsFigures() throws Exception {
		byte[] pdf = mvc.perform(get("/console/organisations/acme-retail/qbr.pdf").param("quarter", "2026-Q3")
			.with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"qbr-acme-retail-2026-Q3.pdf\""))
			.andReturn().getResponse().getContentAsByteArray();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Quarterly business review", "Acme Retail", "2026-Q3", "92.3%", "12 / 13",
					"88.8%", "0 h 30 min", "75.0%", "Updates now go out within the hour");
			assertThat(text).doesNotContain("Not Acme's own");
		}
	}

	@Test
	void aChineseQbrPdfCarriesTheOrganisationsChineseNameLabelsAndWords() throws Exception {
		given(customers.organisation("acme-retail"))
			.willReturn(Organisation.newBuilder().setId("acme-retail").setName("艾克米零售有限公司").build());
		given(improvements.list("acme-retail")).willReturn(List.of(Improvement.newBuilder().setId("i-1")
			.setCustomerId("acme-retail").setYouSaid("订单更新来得太晚").setWeDid("现在一小时内发送更新").build()));

		byte[] pdf = mvc.perform(get("/console/organisations/acme-retail/qbr.pdf").param("quarter", "2026-Q3")
			.param("lang", "zh-CN").with(as(TestTokens.staff("manager")))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			// The font maps some ideographs and their Kangxi radicals (一 and ⼀) to one glyph, which the text read back
			// may name by the radical: compatibility-normalised, both read the same.
			String text = java.text.Normalizer.normalize(new PDFTextStripper().getText(document),
					java.text.Normalizer.Form.NFKC);
			assertThat(text).contains("季度业务回顾", "艾克米零售有限公司", "按月准时交付", "0 小时 30 分钟", "订单更新来得太晚", "现在一小时内发送更新", "92.3%",
					"12 / 13", "88.8%");
			// The glyphs are Noto Sans SC's, embedded: a PDF reader needs no Chinese font of its own.
			java.util.Set<String> fonts = new java.util.HashSet<>();
			for (var page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					fonts.add(page.getResources().getFont(name).getName());
				}
			}
			assertThat(fonts).anySatisfy(font -> assertThat(font).contains("NotoSansSC"));
			assertThat(document.getPages().get(0).getResources().getFont(
					document.getPages().get(0).getResources().getFontNames().iterator().next()).isEmbedded()).isTrue();
		}
	}

	@Test
	void withTicketServiceDownThePdfSaysThatPartWasNotAvailable() throws Exception {
		given(tickets.figures(anyString(), anyString(), anyString()))
			.willThrow(new RemoteUnavailableException("ticket-service", null));

		byte[] pdf = mvc.perform(get("/console/organisations/acme-retail/qbr.pdf").param("quarter", "2026-Q3")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Not available when this was made.", "92.3%");
		}
	}

	@Test
	void aQuarterThatIsNoneIsA400AndAgentsAndCustomersAreRefused() throws Exception {
		mvc.perform(get("/console/organisations/acme-retail/qbr").param("quarter", "2026-Q5")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isBadRequest());
		mvc.perform(get("/console/organisations/acme-retail/qbr").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/console/organisations/acme-retail/qbr.pdf").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());

		verifyNoInteractions(customers, orders, tickets, scores, improvements, onTime);
	}
}
