package com.rapport.customer.identity.web;

import java.time.Clock;

import com.rapport.customer.MongoConfiguration;
import com.rapport.customer.identity.InMemoryKeycloakAdmin;
import com.rapport.customer.identity.InvitationService;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.ContactService;
import com.rapport.customer.organisation.OrganisationService;
import com.rapport.support.audit.AuditTrailAutoConfiguration;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.AutoConfigureDataMongo;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code DELETE .../contacts/{contactId}} over the real services and store, with Keycloak in memory. */
@WebMvcTest(ContactRemovalController.class)
@AutoConfigureDataMongo
@Import({ InvitationService.class, OrganisationService.class, ContactService.class, MongoConfiguration.class,
		InMemoryKeycloakAdmin.Configuration.class, ContactRemovalControllerMvcTests.ClockConfiguration.class })
@ImportAutoConfiguration({ ResourceServerSecurityAutoConfiguration.class, EmbeddedMongoAutoConfiguration.class,
		AuditTrailAutoConfiguration.class })
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class ContactRemovalControllerMvcTests {

	static final String ACME_ALICE = "/api/customers/v1/organisations/acme-retail/contacts/alice-1";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InMemoryKeycloakAdmin keycloak;

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}
	}

	@BeforeEach
	void setUp() {
		keycloak.reset();
		organisations.deleteAll();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN",
				new Contact("alice-1", "Alice Chen", "Buyer", "alice@acme.example", null, "en", "UTC", null, null,
						false, false, null, "acme.buyer"),
				new Contact("bo-1", "Bo Zhang", null, "bo@acme.example", null, "en", "UTC", null, null, false, false,
						null, null)));
		organisations.save(Organisation.create("globex-trading", "Globex Trading", "Wholesale", "SG",
				new Contact("gavin-1", "Gavin Wu", null, "gavin@globex.example", null, "en", "UTC", null, null, false,
						false, null, "globex.buyer")));
	}

	@Test
	void staffRemoveAContactAndItsLoginIsDisabled() throws Exception {
		var login = keycloak.addUser("acme.buyer", "acme-retail");

		mvc.perform(delete(ACME_ALICE).with(as(TestTokens.staff("agent")))).andExpect(status().isNoContent());

		assertThat(organisations.findById("acme-retail").orElseThrow().contact("alice-1")).isEmpty();
		assertThat(keycloak.users.get(login.id()).enabled()).isFalse();
	}

	@Test
	void aPartnerWithTheWriteScopeRemovesOneWithoutReadingIt() throws Exception {
		mvc.perform(delete(ACME_ALICE).with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isNoContent());
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts()).hasSize(1);
	}

	@Test
	void customersAndReadOnlyPartnersAreForbiddenAndNothingChanges() throws Exception {
		mvc.perform(delete(ACME_ALICE).with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
		mvc.perform(delete(ACME_ALICE).with(as(TestTokens.partner("customers.read"))))
			.andExpect(status().isForbidden());
		mvc.perform(delete(ACME_ALICE)).andExpect(status().isUnauthorized());
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts()).hasSize(2);
	}

	@Test
	void anUnknownContactOrOneOfAnotherOrganisationIsNotFound() throws Exception {
		mvc.perform(delete("/api/customers/v1/organisations/acme-retail/contacts/gavin-1")
			.with(as(TestTokens.staff("admin"))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(content().string(not(containsString("Gavin"))));
		mvc.perform(delete("/api/customers/v1/organisations/initech/contacts/alice-1")
			.with(as(TestTokens.staff("admin")))).andExpect(status().isNotFound());
		assertThat(organisations.findById("globex-trading").orElseThrow().contacts()).hasSize(1);
	}

	@Test
	void whenKeycloakIsDownTheAnswerIs503AndTheContactStays() throws Exception {
		keycloak.down = true;
		mvc.perform(delete(ACME_ALICE).with(as(TestTokens.staff("admin"))))
			.andExpect(status().isServiceUnavailable()).andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.type").value(containsString("unavailable")));
		assertThat(organisations.findById("acme-retail").orElseThrow().contact("alice-1")).isPresent();
	}
}
