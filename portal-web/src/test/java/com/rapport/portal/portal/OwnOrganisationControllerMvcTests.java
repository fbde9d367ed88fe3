package com.rapport.portal.portal;

import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.portal.remote.CustomerClient;
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

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(OwnOrganisationController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class OwnOrganisationControllerMvcTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CustomerClient customers;

	@Test
	void aContactSeesItsOwnOrganisationItsAccountManagerAndColleagues() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(Organisation.newBuilder().setId("acme-retail")
			.setName("Acme Retail").setAccountManager("wang.fang").setTier(Tier.TIER_VIP).setCountry("CN")
			.addContacts(Contact.newBuilder().setName("Alice Chen").setJobTitle("Buyer").setEmail("alice@acme.example")
				.setBirthday("1990-04-01"))
			.build());

		Document page = Jsoup.parse(mvc.perform(get("/portal/organisation").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

		assertThat(page.select("h1").text()).isEqualTo("Acme Retail");
		assertThat(page.select(".own-account-manager").text()).isEqualTo("wang.fang");
		assertThat(page.select(".own-tier").text()).isEqualTo("VIP");
		assertThat(page.select("tr.own-contact-row td").eachText()).containsExactly("Alice Chen", "Buyer",
				"alice@acme.example");
		assertThat(page.html()).as("a colleague's birthday is not the portal's business").doesNotContain("1990");
	}

	@Test
	void theOrganisationIsTheOneInTheTokenWhateverTheAddressSays() throws Exception {
		given(customers.organisation("globex-trading"))
			.willReturn(Organisation.newBuilder().setId("globex-trading").setName("Globex Trading").build());
		mvc.perform(get("/portal/organisation").param("id", "acme-retail")
			.with(as(TestTokens.customer("globex-trading")))).andExpect(status().isOk());
		verify(customers, never()).organisation("acme-retail");
	}

	@Test
	void staffUseTheConsoleNotThisPage() throws Exception {
		mvc.perform(get("/portal/organisation").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		verify(customers, never()).organisation(anyString());
	}
}
