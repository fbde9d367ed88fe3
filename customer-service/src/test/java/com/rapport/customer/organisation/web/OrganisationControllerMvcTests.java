package com.rapport.customer.organisation.web;

import java.util.Optional;

import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationService;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(OrganisationController.class)
@Import(OrganisationService.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
class OrganisationControllerMvcTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrganisationRepository repository;

	@Test
	void customerCannotReadAnotherCustomersOrganisation() throws Exception {
		given(repository.findById("acme-retail"))
			.willReturn(Optional.of(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN")));
		mvc.perform(get("/api/customers/v1/organisations/acme-retail").with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Not found"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Acme Retail"))));
	}

	@Test
	void customerReadsItsOwnOrganisationWithItsContactsButNotTheirLogins() throws Exception {
		given(repository.findById("acme-retail")).willReturn(Optional.of(Organisation.create("acme-retail",
				"Acme Retail", "Retail", "CN",
				new Contact("Alice Chen", "Buyer", "alice@acme.example", null, "zh-CN", "Asia/Shanghai", "acme.buyer"))));
		mvc.perform(get("/api/customers/v1/organisations/acme-retail").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Acme Retail"))
			.andExpect(jsonPath("$.tier").value("NORMAL"))
			.andExpect(jsonPath("$.contacts[0].email").value("alice@acme.example"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("acme.buyer"))));
	}

	@Test
	void withoutATokenTheAnswerIs401Problem() throws Exception {
		mvc.perform(get("/api/customers/v1/organisations"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(401));
	}
}
