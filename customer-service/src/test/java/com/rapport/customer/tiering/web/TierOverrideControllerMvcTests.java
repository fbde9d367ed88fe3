package com.rapport.customer.tiering.web;

import java.util.List;
import java.util.Map;

import com.rapport.customer.MongoConfiguration;
import com.rapport.customer.care.CareTaskService;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationService;
import com.rapport.customer.organisation.Tier;
import com.rapport.customer.tiering.TieringConfiguration;
import com.rapport.customer.tiering.TieringService;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.audit.AuditTrailAutoConfiguration;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.AutoConfigureDataMongo;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The managers' override route over the real services and the embedded store (in memory). */
@WebMvcTest(TierOverrideController.class)
@AutoConfigureDataMongo
@Import({ TieringService.class, com.rapport.customer.tiering.TieringPolicyService.class, TieringConfiguration.class, TimelineService.class, OrganisationService.class,
		CareTaskService.class, MongoConfiguration.class })
@ImportAutoConfiguration({ ResourceServerSecurityAutoConfiguration.class, EmbeddedMongoAutoConfiguration.class,
		AuditTrailAutoConfiguration.class })
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class TierOverrideControllerMvcTests {

	private static final String ACME_OVERRIDE = "/api/customers/v1/organisations/acme-retail/tier-override";

	private static final String VALID = "{\"tier\": \"VIP\", \"reason\": \"Strategic account\", \"endDate\": \"2099-12-31\"}";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	MongoAuditTrail trail;

	private NewAuditEntries audited;

	@BeforeEach
	void setUp() {
		audited = NewAuditEntries.since(trail);
		organisations.deleteAll();
		interactions.deleteAll();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN"));
		organisations.save(Organisation.create("globex-trading", "Globex Trading", null, "SG"));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private Tier acmeTier() {
		return organisations.findById("acme-retail").orElseThrow().tier();
	}

	@Test
	void aManagerOverridesTheTierWithAReasonAndAnEndDate() throws Exception {
		mvc.perform(json(put(ACME_OVERRIDE), VALID).with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tier").value("VIP"))
			.andExpect(jsonPath("$.computedTier").value("NORMAL"))
			.andExpect(jsonPath("$.tierOverride.reason").value("Strategic account"))
			.andExpect(jsonPath("$.tierOverride.endDate").value("2099-12-31"));
		assertThat(acmeTier()).isEqualTo(Tier.VIP);
		assertThat(interactions.findAll()).singleElement()
			.satisfies(audit -> assertThat(audit.summary()).contains("VIP", "Strategic account", "2099-12-31"));
	}

	@Test
	void removingTheOverrideRestoresTheComputedTier() throws Exception {
		mvc.perform(json(put(ACME_OVERRIDE), VALID).with(as(TestTokens.staff("admin")))).andExpect(status().isOk());
		mvc.perform(delete(ACME_OVERRIDE).with(as(TestTokens.staff("manager")))).andExpect(status().isNoContent());
		assertThat(acmeTier()).isEqualTo(Tier.NORMAL);
		assertThat(organisations.findById("acme-retail").orElseThrow().tierOverride()).isNull();
		// Again: nothing to end, the same answer.
		mvc.perform(delete(ACME_OVERRIDE).with(as(TestTokens.staff("manager")))).andExpect(status().isNoContent());
	}

	@Test
	void settingAndRemovingAnOverrideAreAuditedWithTheManagerAndTheReason() throws Exception {
		mvc.perform(json(put(ACME_OVERRIDE), VALID).with(as(TestTokens.staff("manager")))).andExpect(status().isOk());
		mvc.perform(delete(ACME_OVERRIDE).with(as(TestTokens.staff("admin")))).andExpect(status().isNoContent());
		// Nothing left to remove: nothing changed, nothing audited.
		mvc.perform(delete(ACME_OVERRIDE).with(as(TestTokens.staff("admin")))).andExpect(status().isNoContent());

		assertThat(audited.events()).satisfiesExactly(set -> {
			assertThat(set.actor()).isEqualTo("staff-manager");
			assertThat(set.action()).isEqualTo("tier-override.set");
			assertThat(set.recordType()).isEqualTo("organisation");
			assertThat(set.recordId()).isEqualTo("acme-retail");
			assertThat(set.organisationId()).isEqualTo("acme-retail");
			assertThat(set.details()).isEqualTo(
					Map.of("tier", "VIP", "end_date", "2099-12-31", "reason", "Strategic account"));
		}, removed -> {
			assertThat(removed.actor()).isEqualTo("staff-admin");
			assertThat(removed.action()).isEqualTo("tier-override.removed");
			assertThat(removed.details()).isEqualTo(Map.of("tier", "VIP"));
		});
	}

	@Test
	void aMissingReasonAndAnEndDateInThePastAre422NamingBoth() throws Exception {
		mvc.perform(json(put(ACME_OVERRIDE), "{\"tier\": \"KEY\", \"reason\": \" \", \"endDate\": \"2020-01-01\"}")
			.with(as(TestTokens.staff("manager"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors.reason").exists())
			.andExpect(jsonPath("$.errors.endDate").exists());
		mvc.perform(json(put(ACME_OVERRIDE), "{\"tier\": \"GOLD\", \"endDate\": \"next week\"}")
			.with(as(TestTokens.staff("manager"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.tier").exists())
			.andExpect(jsonPath("$.errors.reason").exists())
			.andExpect(jsonPath("$.errors.endDate").exists());
		assertThat(acmeTier()).isEqualTo(Tier.NORMAL);
		assertThat(audited.events()).isEmpty();
	}

	@Test
	void anUnknownOrganisationIs404() throws Exception {
		mvc.perform(json(put("/api/customers/v1/organisations/no-such-org/tier-override"), VALID)
			.with(as(TestTokens.staff("manager")))).andExpect(status().isNotFound());
	}

	@Test
	void agentsCustomersPartnersAndServicesAreRefused() throws Exception {
		mvc.perform(json(put(ACME_OVERRIDE), VALID).with(as(TestTokens.staff("agent"))))
			.andExpect(status().isForbidden());
		mvc.perform(delete(ACME_OVERRIDE).with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		mvc.perform(json(put(ACME_OVERRIDE), VALID).with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		mvc.perform(json(put(ACME_OVERRIDE), VALID).with(as(TestTokens.partner("customers.read customers.write"))))
			.andExpect(status().isForbidden());
		mvc.perform(json(put(ACME_OVERRIDE), VALID).with(as(TestTokens.service()))).andExpect(status().isForbidden());
		mvc.perform(json(put(ACME_OVERRIDE), VALID)).andExpect(status().isUnauthorized());
		assertThat(acmeTier()).isEqualTo(Tier.NORMAL);
	}

	@Test
	void customerCannotOverrideAnotherCustomersTier() throws Exception {
		mvc.perform(json(put(ACME_OVERRIDE), VALID).with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isForbidden());
		mvc.perform(delete(ACME_OVERRIDE).with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isForbidden());
		assertThat(acmeTier()).isEqualTo(Tier.NORMAL);
		assertThat(interactions.findAll()).isEqualTo(List.of());
	}
}
