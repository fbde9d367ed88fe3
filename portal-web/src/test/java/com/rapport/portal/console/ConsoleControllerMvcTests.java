package com.rapport.portal.console;

import java.util.List;
import java.util.Map;

import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.LifecycleStage;
import com.rapport.contracts.customer.v1.ListOrganisationsResponse;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
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
import org.springframework.test.web.servlet.MvcResult;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(ConsoleController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class ConsoleControllerMvcTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CustomerClient customers;

	@Test
	void agentSeesTheOrganisationsWithTheirTierAndLifecycle() throws Exception {
		given(customers.search("", 50, "")).willReturn(answer(organisations(), ""));

		Document page = page(mvc.perform(get("/console").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk())
			.andExpect(view().name("console/home"))
			.andReturn());

		assertThat(page.select("h1").text()).isEqualTo("Customers");
		assertThat(page.select("tr.organisation-row").eachAttr("data-organisation-id"))
			.containsExactly("acme-retail", "globex-trading");
		assertThat(page.select("tr.organisation-row").get(0).select("td").eachText())
			.containsExactly("Acme Retail", "Retail", "CN", "Alice Chen alice@acme.example +1 more", "VIP", "Loyal");
		assertThat(page.select("tr.organisation-row a[href^=mailto:]").attr("href")).isEqualTo("mailto:alice@acme.example");
		assertThat(page.select("td.organisation-name a").eachAttr("href"))
			.containsExactly("/console/organisations/acme-retail", "/console/organisations/globex-trading");
		assertThat(page.select("form.search").attr("method")).isEqualTo("get");
		assertThat(page.select("form.search input[name=q]").val()).isEmpty();
		assertThat(page.select(".search-count")).isEmpty();
		assertThat(page.select(".pager")).isEmpty();
		assertThat(page.select("tr.organisation-row").get(1).select("td").eachText())
			.containsExactly("Globex Trading", "Wholesale", "DE", "—", "Normal", "Prospect");
	}

	@Test
	void tierAndLifecycleAreTranslatedForChineseReaders() throws Exception {
		given(customers.search("", 50, "")).willReturn(answer(organisations(), ""));

		Document page = page(mvc.perform(get("/console").param("lang", "zh-CN").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page.select("h1").text()).isEqualTo("客户");
		assertThat(page.select("tr.organisation-row").get(0).select("td").eachText()).endsWith("VIP客户", "忠诚");
		assertThat(page.select("tr.organisation-row").get(1).select("td").eachText()).endsWith("普通客户", "潜在");
	}

	@Test
	void consoleWithoutOrganisationsSaysSo() throws Exception {
		given(customers.search("", 50, "")).willReturn(answer(List.of(), ""));

		Document page = page(mvc.perform(get("/console").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page.select("p.empty").text()).isEqualTo("No customer organisations yet.");
	}

	@Test
	void customerAskingForTheConsoleGetsTheForbiddenPage() throws Exception {
		Document page = page(mvc.perform(get("/console").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden())
			.andExpect(view().name("error/forbidden"))
			.andReturn());

		assertThat(page.select("h1").text()).isEqualTo("Not available to you");
		verifyNoInteractions(customers);
	}

	@Test
	void withoutATokenTheAnswerIs401() throws Exception {
		mvc.perform(get("/console")).andExpect(status().isUnauthorized());

		verifyNoInteractions(customers);
	}

	@Test
	void customerServiceDownGivesTheUnavailablePage() throws Exception {
		given(customers.search("", 50, ""))
			.willThrow(new RemoteUnavailableException("customer-service", new IllegalStateException("breaker open")));

		MvcResult result = mvc.perform(get("/console").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(view().name("error/unavailable"))
			.andReturn();

		assertThat(page(result).select("h1").text()).isEqualTo("Temporarily unavailable");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("breaker open")
			.doesNotContain("customer-service");
	}

	@Test
	void searchPassesTheQueryThroughAndSaysHowManyMatch() throws Exception {
		given(customers.search("alice chen", 50, "")).willReturn(answer(organisations().subList(0, 1), "", 12));

		Document page = page(mvc.perform(get("/console").param("q", "  alice chen ").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk())
			.andExpect(view().name("console/home"))
			.andReturn());

		verify(customers).search("alice chen", 50, "");
		assertThat(page.select("form.search input[name=q]").val()).isEqualTo("alice chen");
		assertThat(page.select(".search-count").text()).isEqualTo("12 organisations match “alice chen”");
		assertThat(page.select("tr.organisation-row").eachAttr("data-organisation-id")).containsExactly("acme-retail");
		assertThat(page.select("a.search-clear").attr("href")).isEqualTo("/console");
		assertThat(page.select("p.empty")).isEmpty();
	}

	@Test
	void searchMatchingOneOrganisationSaysSoInTheSingular() throws Exception {
		given(customers.search("acme", 50, "")).willReturn(answer(organisations().subList(0, 1), "", 1));

		Document page = page(mvc.perform(get("/console").param("q", "acme").with(as(TestTokens.staff("agent"))))
			.andReturn());

		assertThat(page.select(".search-count").text()).isEqualTo("1 organisation matches “acme”");
	}

	@Test
	void searchWithoutResultsSaysNothingMatches() throws Exception {
		given(customers.search("nobody", 50, "")).willReturn(answer(List.of(), ""));

		Document page = page(mvc.perform(get("/console").param("q", "nobody").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page.select("p.empty").text()).isEqualTo("No organisation matches “nobody”.");
		assertThat(page.select("table")).isEmpty();
		assertThat(page.select(".search-count")).isEmpty();
	}

	@Test
	void nextPageLinkCarriesTheQueryAndThePageToken() throws Exception {
		given(customers.search("+86 138", 50, "")).willReturn(answer(organisations(), "tok-2", 120));

		Document page = page(mvc.perform(get("/console").param("q", "+86 138").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk())
			.andReturn());

		// Form-encoded as the browser sends the form: the plus of a phone number stays a plus.
		assertThat(page.select("a.pager-next").attr("href")).isEqualTo("/console?q=%2B86+138&page=tok-2");
		assertThat(page.select("a.pager-previous")).isEmpty();
	}

	@Test
	void laterPagesLinkBackAlongTheTrailOfTokens() throws Exception {
		given(customers.search("acme", 50, "tok-2")).willReturn(answer(organisations(), "tok-3", 160));
		given(customers.search("acme", 50, "tok-3")).willReturn(answer(organisations(), "tok-4", 160));

		Document second = page(mvc.perform(get("/console").param("q", "acme").param("page", "tok-2")
			.with(as(TestTokens.staff("agent")))).andExpect(status().isOk()).andReturn());

		assertThat(second.select("a.pager-previous").attr("href")).isEqualTo("/console?q=acme");
		assertThat(second.select("a.pager-next").attr("href")).isEqualTo("/console?q=acme&page=tok-3&back=tok-2");

		Document third = page(mvc.perform(get("/console").param("q", "acme").param("page", "tok-3")
			.param("back", "tok-2").with(as(TestTokens.staff("agent")))).andExpect(status().isOk()).andReturn());

		assertThat(third.select("a.pager-previous").attr("href")).isEqualTo("/console?q=acme&page=tok-2");
		assertThat(third.select("a.pager-next").attr("href"))
			.isEqualTo("/console?q=acme&page=tok-4&back=tok-2&back=tok-3");
	}

	@Test
	void listingWithoutAQueryPagesToo() throws Exception {
		given(customers.search("", 50, "tok-2")).willReturn(answer(organisations(), "", 52));

		Document page = page(mvc.perform(get("/console").param("page", "tok-2").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page.select("a.pager-previous").attr("href")).isEqualTo("/console");
		assertThat(page.select("a.pager-next")).isEmpty();
		assertThat(page.select(".search-count")).isEmpty();
	}

	@Test
	void aQueryLongerThanTheServiceAcceptsIsNotSent() throws Exception {
		Document page = page(mvc.perform(get("/console").param("q", "x".repeat(101)).with(as(TestTokens.staff("agent"))))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("console/home"))
			.andReturn());

		assertThat(page.select("p.notice").text()).startsWith("This search could not be run.");
		assertThat(page.select("table")).isEmpty();
		verifyNoInteractions(customers);
	}

	@Test
	void aPageTokenTheServiceRejectsGivesANoticeNotAnError() throws Exception {
		given(customers.search(anyString(), anyInt(), anyString()))
			.willThrow(UnprocessableException.withoutCode("Invalid page token", Map.of()));

		MvcResult result = mvc.perform(get("/console").param("q", "acme").param("page", "edited")
			.with(as(TestTokens.staff("agent"))))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("console/home"))
			.andReturn();

		Document page = page(result);
		assertThat(page.select("p.notice").text()).startsWith("This search could not be run.");
		assertThat(page.select("form.search input[name=q]").val()).isEqualTo("acme");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("Invalid page token");
	}

	@Test
	void searchCountAndLabelsAreTranslatedForChineseReaders() throws Exception {
		given(customers.search("acme", 50, "")).willReturn(answer(organisations(), "tok-2", 1234));

		Document page = page(mvc.perform(get("/console").param("q", "acme").param("lang", "zh-CN")
			.with(as(TestTokens.staff("agent")))).andExpect(status().isOk()).andReturn());

		assertThat(page.select("form.search button").text()).isEqualTo("搜索");
		assertThat(page.select(".search-count").text()).isEqualTo("共 1,234 个客户组织符合“acme”");
		assertThat(page.select("a.pager-next").text()).isEqualTo("下一页 →");
	}

	static ListOrganisationsResponse answer(List<Organisation> organisations, String nextPageToken) {
		return answer(organisations, nextPageToken, organisations.size());
	}

	static ListOrganisationsResponse answer(List<Organisation> organisations, String nextPageToken, long total) {
		return ListOrganisationsResponse.newBuilder().addAllOrganisations(organisations)
			.setNextPageToken(nextPageToken).setTotalSize(total).build();
	}

	static List<Organisation> organisations() {
		return List.of(
				Organisation.newBuilder().setId("acme-retail").setName("Acme Retail").setIndustry("Retail")
					.setCountry("CN").setTier(Tier.TIER_VIP).setLifecycleStage(LifecycleStage.LIFECYCLE_STAGE_LOYAL)
					.addContacts(Contact.newBuilder().setName("Alice Chen").setEmail("alice@acme.example"))
					.addContacts(Contact.newBuilder().setName("Bo Zhang").setEmail("bo@acme.example"))
					.build(),
				Organisation.newBuilder().setId("globex-trading").setName("Globex Trading").setIndustry("Wholesale")
					.setCountry("DE").setTier(Tier.TIER_NORMAL)
					.setLifecycleStage(LifecycleStage.LIFECYCLE_STAGE_PROSPECT).build());
	}

	static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}
}
