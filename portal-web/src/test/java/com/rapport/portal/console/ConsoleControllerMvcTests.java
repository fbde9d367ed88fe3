package com.rapport.portal.console;

import java.util.List;

import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.LifecycleStage;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.RemoteUnavailableException;
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
		given(customers.organisations(200)).willReturn(organisations());

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
		assertThat(page.select("tr.organisation-row").get(1).select("td").eachText())
			.containsExactly("Globex Trading", "Wholesale", "DE", "—", "Normal", "Prospect");
	}

	@Test
	void tierAndLifecycleAreTranslatedForChineseReaders() throws Exception {
		given(customers.organisations(200)).willReturn(organisations());

		Document page = page(mvc.perform(get("/console").param("lang", "zh-CN").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page.select("h1").text()).isEqualTo("客户");
		assertThat(page.select("tr.organisation-row").get(0).select("td").eachText()).endsWith("VIP客户", "忠诚");
		assertThat(page.select("tr.organisation-row").get(1).select("td").eachText()).endsWith("普通客户", "潜在");
	}

	@Test
	void consoleWithoutOrganisationsSaysSo() throws Exception {
		given(customers.organisations(200)).willReturn(List.of());

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
		given(customers.organisations(200))
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
