package com.rapport.customer.loyalty.web;

import com.rapport.customer.CustomerServiceTest;
import com.rapport.customer.loyalty.LedgerRepository;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The partner API of the loyalty programme over the real services and the embedded store (in memory). */
@CustomerServiceTest
class LoyaltyControllerMvcTests {

	static final String ACME = "/api/customers/v1/organisations/acme-retail/loyalty";

	static final String PARTNER = TestTokens.partner("customers.read customers.write");

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	LedgerRepository entries;

	@Autowired
	MongoAuditTrail trail;

	private NewAuditEntries audited;

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		interactions.deleteAll();
		entries.deleteAll();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN"));
		audited = NewAuditEntries.since(trail);
	}

	private static MockHttpServletRequestBuilder adjustment(String body, String key) {
		MockHttpServletRequestBuilder request = post(ACME + "/adjustments").contentType(MediaType.APPLICATION_JSON)
			.content(body).with(as(PARTNER));
		return key == null ? request : request.header("Idempotency-Key", key);
	}

	@Test
	void anAdjustmentRepeatedWithItsKeyIsReplayedAndShowsOnceInTheLedger() throws Exception {
		String body = "{\"points\": 500, \"reason\": \"Goodwill for ACME-1016\"}";
		mvc.perform(adjustment(body, "crm-42")).andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"))
			.andExpect(jsonPath("$.kind").value("ADJUSTED"))
			.andExpect(jsonPath("$.points").value(500))
			.andExpect(jsonPath("$.balanceAfter").value(500));
		mvc.perform(adjustment(body, "crm-42")).andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"));

		mvc.perform(get(ACME).with(as(PARTNER))).andExpect(status().isOk())
			.andExpect(jsonPath("$.balance").value(500))
			.andExpect(jsonPath("$.tier").value("NORMAL"))
			.andExpect(jsonPath("$.pointsPerUnit").value("0.01"));
		mvc.perform(get(ACME + "/ledger").with(as(PARTNER))).andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].note").value("Goodwill for ACME-1016"));
		assertThat(audited.events()).singleElement().satisfies(event -> {
			assertThat(event.action()).isEqualTo("loyalty.adjusted");
			assertThat(event.organisationId()).isEqualTo("acme-retail");
		});
		assertThat(interactions.findAll()).filteredOn(i -> "timeline.loyalty.adjusted".equals(i.summaryCode()))
			.hasSize(1);
	}

	@Test
	void refusalsAreProblemDocumentsNamingEachField() throws Exception {
		mvc.perform(adjustment("{\"points\": 500, \"reason\": \"x\"}", "bad key with spaces"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("loyalty.idempotency-key.invalid"))
			.andExpect(jsonPath("$.errors['Idempotency-Key']").exists());
		mvc.perform(adjustment("{\"points\": 0, \"returnedOrder\": \"ACME-1\"}", null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fieldCodes.points").value("loyalty.adjustment.points-or-return"))
			.andExpect(jsonPath("$.fieldCodes.reason").value("field.required"));
		mvc.perform(adjustment("{\"returnedOrder\": \"ACME-1\", \"reason\": \"Returned\"}", null))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("loyalty.return.not-earned"));
		mvc.perform(adjustment("{\"points\": -1, \"reason\": \"Too much\"}", null))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("loyalty.adjustment.below-zero"));
		mvc.perform(get(ACME + "/ledger").param("size", "500").with(as(PARTNER)))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/customers/v1/organisations/nobody/loyalty").with(as(PARTNER)))
			.andExpect(status().isNotFound());
		assertThat(entries.findAll()).isEmpty();
		assertThat(audited.events()).isEmpty();
	}

	@Test
	void aContactReadsItsOwnPointsAndAnotherOrganisationsAreNotFound() throws Exception {
		mvc.perform(get(ACME).with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk());
		mvc.perform(get(ACME).with(as(TestTokens.customer("globex-trading")))).andExpect(status().isNotFound());
		mvc.perform(adjustment("{\"points\": 5, \"reason\": \"x\"}", null).with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
	}
}
