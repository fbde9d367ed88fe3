package com.rapport.portal.console;

import java.nio.charset.StandardCharsets;

import com.rapport.contracts.customer.v1.ListValueBySegmentResponse;
import com.rapport.contracts.customer.v1.SegmentValue;
import com.rapport.contracts.customer.v1.ValueSegment;
import com.rapport.portal.remote.GrowthClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(GrowthController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class GrowthControllerMvcTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	GrowthClient growth;

	static SegmentValue row(String key, int organisations, int customers, String historical, String projected) {
		return SegmentValue.newBuilder().setKey(key).setOrganisations(organisations).setCustomers(customers)
			.setDeliveredOrders(customers * 4).setHistoricalValue(historical).setProjectedValue(projected).build();
	}

	static ListValueBySegmentResponse report(ValueSegment segment, SegmentValue... rows) {
		return ListValueBySegmentResponse.newBuilder().setSegment(segment).setCurrency("CNY")
			.addAllRows(java.util.List.of(rows)).setTotal(row("", 6, 5, "1500000.00", "4500000.00")).build();
	}

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void aManagerSeesTheValueByTierLargestFirstWithTheTotal() throws Exception {
		given(growth.bySegment(ValueSegment.VALUE_SEGMENT_TIER)).willReturn(report(ValueSegment.VALUE_SEGMENT_TIER,
				row("VIP", 1, 1, "1321200.50", "3963601.50"), row("KEY", 2, 2, "150000.00", "420000.00"),
				row("NORMAL", 3, 2, "28799.50", "116398.50")));

		Document page = page(mvc.perform(get("/console/growth").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk()));

		assertThat(page.select("tr.segment-row .segment-key").eachText()).containsExactly("VIP", "Key", "Normal");
		assertThat(page.select("tr.segment-row").first().select(".segment-projected").text()).isEqualTo("3,963,601.50");
		assertThat(page.select("tr.segment-row").first().select(".segment-historical").attr("data-label"))
			.isEqualTo("Historical value (CNY)");
		assertThat(page.select(".total-projected").text()).isEqualTo("4,500,000.00");
		assertThat(page.select(".total-organisations").text()).isEqualTo("6");
		assertThat(page.select(".segment-current").text()).isEqualTo("Tier");
		assertThat(page.select("a.segment-link").eachAttr("href")).containsExactly("/console/growth?segment=industry",
				"/console/growth?segment=region", "/console/growth?segment=cohort");
		assertThat(page.select("a.csv-link").attr("href")).isEqualTo("/console/growth/value.csv?segment=tier");
		assertThat(page.select("a.nav-growth")).hasSize(1);
	}

	@Test
	void industriesAndRegionsAreNamedInTheReadersLanguageAndNoneIsSaid() throws Exception {
		given(growth.bySegment(ValueSegment.VALUE_SEGMENT_INDUSTRY)).willReturn(report(
				ValueSegment.VALUE_SEGMENT_INDUSTRY, row("Retail", 1, 1, "1321200.50", "3963601.50"),
				row("", 1, 0, "0.00", "0.00")));

		Document page = page(mvc.perform(get("/console/growth").param("segment", "INDUSTRY").param("lang", "zh-CN")
			.with(as(TestTokens.staff("admin")))).andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("客户成长");
		assertThat(page.select("tr.segment-row .segment-key").eachText()).containsExactly("零售", "（无）");
		assertThat(page.select(".segment-current").text()).isEqualTo("行业");
	}

	@Test
	void aSegmentThePageDoesNotOfferIsTheTier() throws Exception {
		given(growth.bySegment(ValueSegment.VALUE_SEGMENT_TIER)).willReturn(report(ValueSegment.VALUE_SEGMENT_TIER));

		Document page = page(mvc.perform(get("/console/growth").param("segment", "<script>")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));

		assertThat(page.select(".segment-current").text()).isEqualTo("Tier");
		assertThat(page.select("tr.segment-row")).isEmpty();
	}

	@Test
	void theCsvHasARowPerSegmentAndTheTotalWithTextCellsMadeSafe() throws Exception {
		given(growth.bySegment(ValueSegment.VALUE_SEGMENT_REGION)).willReturn(report(ValueSegment.VALUE_SEGMENT_REGION,
				row("East, China", 1, 1, "1321200.50", "3963601.50"), row("=HYPERLINK(\"x\")", 1, 1, "10.00", "30.00")));

		var response = mvc.perform(get("/console/growth/value.csv").param("segment", "region")
			.with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"value-by-region.csv\""))
			.andReturn().getResponse();

		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
				+ "region,organisations,customers,delivered_orders,historical_value,projected_value,currency\r\n"
				+ "\"East, China\",1,1,4,1321200.50,3963601.50,CNY\r\n"
				+ "\"'=HYPERLINK(\"\"x\"\")\",1,1,4,10.00,30.00,CNY\r\n"
				+ "(all),6,5,20,1500000.00,4500000.00,CNY\r\n");
	}

	@Test
	void agentsAndCustomersGetTheForbiddenPageWithoutAnyCall() throws Exception {
		mvc.perform(get("/console/growth").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		mvc.perform(get("/console/growth/value.csv").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/console/growth")).andExpect(status().isUnauthorized());
		verifyNoInteractions(growth);
	}
}
