package com.rapport.customer.organisation.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.Tier;
import com.rapport.customer.organisation.TierOverride;
import com.rapport.customer.organisation.TierReason;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApiFixture.ApiTest
class OrganisationControllerMvcTests {

	private static final String BASE = "/api/customers/v1/organisations";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganisationRepository organisations;

	@BeforeEach
	void setUp() {
		ApiFixture.reset(organisations);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@Test
	void withoutATokenTheAnswerIs401Problem() throws Exception {
		mvc.perform(get(BASE))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(json(post(BASE), "{\"name\":\"X\",\"country\":\"CN\"}")).andExpect(status().isUnauthorized());
		mvc.perform(json(put(BASE + "/acme-retail"), "{}")).andExpect(status().isUnauthorized());
		mvc.perform(json(put(BASE + "/external/CRM-1"), "{}")).andExpect(status().isUnauthorized());
	}

	@Test
	void staffSeeTheTierWithItsReasonsAndTheOverrideWhileCustomersSeeTheTierAlone() throws Exception {
		Instant at = Instant.parse("2026-11-30T02:30:00Z");
		organisations.save(organisations.findById("acme-retail").orElseThrow()
			.withTiering(Tier.VIP, LifecycleStage.LOYAL,
					new TierReason(Tier.KEY, "KEY_FREQUENCY", 3, 14, new BigDecimal("180000.00"), "CNY", 365,
							"ordered 3 days ago, 14 orders in 12 months, CNY 180,000: KEY", at),
					new TierOverride(Tier.VIP, "Strategic account", LocalDate.of(2099, 12, 31), "manager.wang", at)));
		mvc.perform(get(BASE + "/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tier").value("VIP"))
			.andExpect(jsonPath("$.lifecycleStage").value("LOYAL"))
			.andExpect(jsonPath("$.tierReason.tier").value("KEY"))
			.andExpect(jsonPath("$.tierReason.rule").value("KEY_FREQUENCY"))
			.andExpect(jsonPath("$.tierReason.recencyDays").value(3))
			.andExpect(jsonPath("$.tierReason.frequency").value(14))
			.andExpect(jsonPath("$.tierReason.monetary").value(180000.0))
			.andExpect(jsonPath("$.tierReason.text").value("ordered 3 days ago, 14 orders in 12 months, CNY 180,000: KEY"))
			.andExpect(jsonPath("$.tierOverride.tier").value("VIP"))
			.andExpect(jsonPath("$.tierOverride.setBy").value("manager.wang"))
			.andExpect(jsonPath("$.tierOverride.active").value(true));
		mvc.perform(get(BASE + "/acme-retail").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tier").value("VIP"))
			.andExpect(jsonPath("$.tierReason").doesNotExist())
			.andExpect(content().string(not(containsString("Strategic account"))));
	}

	@Test
	void anEndedOverrideShowsTheComputedTier() throws Exception {
		Instant at = Instant.parse("2026-01-01T00:00:00Z");
		organisations.save(organisations.findById("acme-retail").orElseThrow()
			.withTiering(Tier.VIP, LifecycleStage.REPEAT,
					new TierReason(Tier.KEY, "KEY_FREQUENCY", 3, 4, BigDecimal.TEN, "CNY", 365, "…: KEY", at),
					new TierOverride(Tier.VIP, "Launch", LocalDate.of(2026, 1, 31), "manager.wang", at)));
		mvc.perform(get(BASE + "/acme-retail").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tier").value("KEY"))
			.andExpect(jsonPath("$.tierOverride.active").value(false));
	}

	@Test
	void customerCannotReadAnotherCustomersOrganisation() throws Exception {
		mvc.perform(get(BASE + "/acme-retail").with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Not found"))
			.andExpect(content().string(not(containsString("Acme Retail"))));
	}

	@Test
	void anotherCustomersIdAnswersLikeAnUnknownOne() throws Exception {
		String foreign = mvc.perform(get(BASE + "/acme-retail").with(as(TestTokens.customer("globex-trading"))))
			.andReturn().getResponse().getContentAsString();
		String unknown = mvc.perform(get(BASE + "/no-such-org").with(as(TestTokens.customer("globex-trading"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(foreign.replace("acme-retail", "ID")).isEqualTo(unknown.replace("no-such-org", "ID"));
	}

	@Test
	void customerReadsItsOwnOrganisationWithItsContactsButNotTheirLogins() throws Exception {
		mvc.perform(get(BASE + "/acme-retail").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Acme Retail"))
			.andExpect(jsonPath("$.tier").value("NORMAL"))
			.andExpect(jsonPath("$.sizeBand").value("LARGE"))
			.andExpect(jsonPath("$.accountManager").value("agent.li"))
			.andExpect(jsonPath("$.contacts[0].email").value("alice.chen@acme-retail.example"))
			.andExpect(jsonPath("$.contacts[0].birthday").value("1986-04-12"))
			.andExpect(jsonPath("$.contacts[0].preferredChannel").value("PORTAL"))
			.andExpect(content().string(not(containsString("acme.buyer"))));
	}

	@Test
	void staffSeeWhichPortalLoginAContactHas() throws Exception {
		mvc.perform(get(BASE + "/acme-retail").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.contacts[0].username").value("acme.buyer"));
	}

	@Test
	void customerSearchingSeesAtMostItsOwnOrganisation() throws Exception {
		mvc.perform(get(BASE).param("q", "acme").with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isEmpty())
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get(BASE).param("q", "gav").with(as(TestTokens.customer("globex-trading"))))
			.andExpect(jsonPath("$.items[*].id").value(hasItem("globex-trading")))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get(BASE).with(as(TestTokens.customer("globex-trading"))))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(content().string(not(containsString("Acme"))));
	}

	@Test
	void staffSearchByOrganisationNameContactNameEmailOrPhone() throws Exception {
		for (String q : new String[] { "ACME ret", "alice", "alice.chen@acme", "+86 21 5555 0101", "5555 0101" }) {
			mvc.perform(get(BASE).param("q", q).with(as(TestTokens.staff("agent"))))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(1))
				.andExpect(jsonPath("$.items[0].id").value("acme-retail"));
		}
		mvc.perform(get(BASE).param("q", "").with(as(TestTokens.staff("agent"))))
			.andExpect(jsonPath("$.total").value(2));
	}

	@Test
	void aTooLongSearchIs422NamingQ() throws Exception {
		mvc.perform(get(BASE).param("q", "x".repeat(101)).with(as(TestTokens.staff("agent"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.q").exists());
	}

	@Test
	void partnerWithTheReadScopeReadsAndSearchesButSeesNoLogins() throws Exception {
		mvc.perform(get(BASE).param("q", "alice").with(as(TestTokens.partner("customers.read"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].externalId").value("CRM-0001"))
			.andExpect(content().string(not(containsString("acme.buyer"))));
		mvc.perform(get(BASE + "/globex-trading").with(as(TestTokens.partner("customers.read"))))
			.andExpect(status().isOk());
	}

	@Test
	void partnerWithoutACustomerScopeIsForbidden() throws Exception {
		mvc.perform(get(BASE).with(as(TestTokens.partner("orders.read"))))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get(BASE + "/acme-retail").with(as(TestTokens.partner("orders.read"))))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("Acme Retail"))));
		mvc.perform(get(BASE + "/acme-retail").with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void customerCannotCreateOrEditOrganisations() throws Exception {
		mvc.perform(json(post(BASE), "{\"name\":\"Acme 2\",\"country\":\"CN\"}")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
		mvc.perform(json(put(BASE + "/acme-retail"), "{\"name\":\"Mine now\"}")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
		mvc.perform(json(put(BASE + "/external/CRM-0001"), "{\"name\":\"Mine now\"}")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
		assertThat(organisations.findById("acme-retail").orElseThrow().name()).isEqualTo("Acme Retail");
	}

	@Test
	void customerCannotEditAnotherCustomersOrganisation() throws Exception {
		mvc.perform(json(put(BASE + "/acme-retail"), "{\"name\":\"Taken over\"}")
			.with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("Acme"))));
		assertThat(organisations.findById("acme-retail").orElseThrow().name()).isEqualTo("Acme Retail");
	}

	@Test
	void aPartnerUpsertNamesEveryBadFieldAtOnce() throws Exception {
		mvc.perform(json(put(BASE + "/external/bad key!"), """
				{"name": "Acme\\u0000Evil", "country": "XX", "sizeBand": "huge", "tags": ["ok", "line\\nbreak"]}""")
			.with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("validation"))
			.andExpect(jsonPath("$.errors.externalId").exists())
			.andExpect(jsonPath("$.errors.name").value("must not contain control characters"))
			.andExpect(jsonPath("$.errors.country").exists())
			.andExpect(jsonPath("$.errors.sizeBand").exists())
			.andExpect(jsonPath("$.errors['tags[1]']").value("must be one line, without control characters"));
	}

	@Test
	void namesWithControlCharactersOrLoneSurrogatesAreRefusedNamingTheField() throws Exception {
		mvc.perform(json(put(BASE + "/acme-retail"), "{\"name\": \"Acme\\ud800\", \"region\": \"East\\r\\nWest\"}")
			.with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").value("must not contain control characters"))
			.andExpect(jsonPath("$.errors.region").value("must be one line, without control characters"));
		assertThat(organisations.findById("acme-retail").orElseThrow().name()).isEqualTo("Acme Retail");
	}

	@Test
	void aSearchWithAControlCharacterIs422NotAStoreFailure() throws Exception {
		mvc.perform(get(BASE).param("q", "a\u0000b").with(as(TestTokens.partner("customers.read"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.q").exists());
	}

	@Test
	void withoutTheWriteScopeTheAnswerIs403WhateverTheBody() throws Exception {
		for (String body : new String[] { "{}", "{\"name\": ", "[]", "{\"version\": 1e400}" }) {
			mvc.perform(json(put(BASE + "/external/CRM-9"), body).with(as(TestTokens.partner("customers.read"))))
				.andExpect(status().isForbidden());
			mvc.perform(json(post(BASE), body).with(as(TestTokens.partner("customers.read"))))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void readOnlyPartnersAndServicesCannotWrite() throws Exception {
		mvc.perform(json(put(BASE + "/external/CRM-9"), "{\"name\":\"X\",\"country\":\"CN\"}")
			.with(as(TestTokens.partner("customers.read")))).andExpect(status().isForbidden());
		mvc.perform(json(post(BASE), "{\"name\":\"X\",\"country\":\"CN\"}").with(as(TestTokens.service())))
			.andExpect(status().isForbidden());
	}

	@Test
	void staffCreateAnOrganisationWithAnIdFromItsName() throws Exception {
		mvc.perform(json(post(BASE), """
				{"name": "Initech Logistics", "country": "de", "industry": "Logistics", "sizeBand": "small",
				 "region": "Berlin", "tags": ["pilot"], "accountManager": "manager.wang", "externalId": "ERP-77"}
				""").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", BASE + "/initech-logistics"))
			.andExpect(jsonPath("$.id").value("initech-logistics"))
			.andExpect(jsonPath("$.country").value("DE"))
			.andExpect(jsonPath("$.sizeBand").value("SMALL"))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.tier").value("NORMAL"))
			.andExpect(jsonPath("$.version").value(0));
		mvc.perform(get(BASE).param("q", "initech").with(as(TestTokens.staff("agent"))))
			.andExpect(jsonPath("$.items[0].externalId").value("ERP-77"));
	}

	@Test
	void invalidInputIs422NamingEachBadField() throws Exception {
		mvc.perform(json(post(BASE), """
				{"name": " ", "country": "China", "sizeBand": "HUGE", "status": "GONE", "tags": ["ok", ""],
				 "accountManager": "no spaces please", "externalId": "bad id"}
				""").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://rapport.example/problems/validation"))
			.andExpect(jsonPath("$.errors.name").exists())
			.andExpect(jsonPath("$.errors.country").exists())
			.andExpect(jsonPath("$.errors.sizeBand").exists())
			.andExpect(jsonPath("$.errors.status").exists())
			.andExpect(jsonPath("$['errors']['tags[1]']").exists())
			.andExpect(jsonPath("$.errors.accountManager").exists())
			.andExpect(jsonPath("$.errors.externalId").exists());
	}

	@Test
	void unreadableJsonIs400Problem() throws Exception {
		mvc.perform(json(post(BASE), "{\"name\": ").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(json(post(BASE), "{\"tags\": \"not a list\"}").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aTakenIdOrExternalIdIs422NamingThatField() throws Exception {
		mvc.perform(json(post(BASE), "{\"id\":\"acme-retail\",\"name\":\"Acme\",\"country\":\"CN\"}")
			.with(as(TestTokens.staff("agent"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.id").exists());
		mvc.perform(json(post(BASE), "{\"name\":\"Other\",\"country\":\"CN\",\"externalId\":\"CRM-0001\"}")
			.with(as(TestTokens.staff("agent"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.externalId").exists());
		mvc.perform(json(put(BASE + "/globex-trading"), "{\"externalId\":\"CRM-0001\"}")
			.with(as(TestTokens.staff("agent"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.externalId").exists());
	}

	@Test
	void staffEditChangesOnlyTheFieldsSent() throws Exception {
		mvc.perform(json(put(BASE + "/acme-retail"), "{\"region\":\"Shanghai\",\"tags\":[],\"industry\":\"\"}")
			.with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.region").value("Shanghai"))
			.andExpect(jsonPath("$.tags").isEmpty())
			.andExpect(jsonPath("$.industry").doesNotExist())
			.andExpect(jsonPath("$.name").value("Acme Retail"))
			.andExpect(jsonPath("$.accountManager").value("agent.li"))
			.andExpect(jsonPath("$.contacts[0].name").value("Alice Chen"))
			.andExpect(jsonPath("$.version").value(1));
	}

	@Test
	void anEditBasedOnAnOldVersionIs409() throws Exception {
		mvc.perform(json(put(BASE + "/acme-retail"), "{\"region\":\"Shanghai\",\"version\":0}")
			.with(as(TestTokens.staff("agent")))).andExpect(status().isOk());
		mvc.perform(json(put(BASE + "/acme-retail"), "{\"region\":\"Suzhou\",\"version\":0}")
			.with(as(TestTokens.staff("manager"))))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value(containsString("changed meanwhile")));
		assertThat(organisations.findById("acme-retail").orElseThrow().region()).isEqualTo("Shanghai");
	}

	@Test
	void editingAnUnknownOrganisationIs404() throws Exception {
		mvc.perform(json(put(BASE + "/no-such-org"), "{\"name\":\"X\"}").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void partnerUpsertByExternalIdIsIdempotent() throws Exception {
		String body = """
				{"name": "Umbrella Pharma", "country": "GB", "industry": "Pharma", "sizeBand": "ENTERPRISE"}
				""";
		String first = mvc.perform(json(put(BASE + "/external/ERP-UMB-1"), body)
			.with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", BASE + "/umbrella-pharma"))
			.andExpect(jsonPath("$.externalId").value("ERP-UMB-1"))
			.andReturn().getResponse().getContentAsString();
		String repeat = mvc.perform(json(put(BASE + "/external/ERP-UMB-1"), body)
			.with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(repeat).isEqualTo(first);
		assertThat(organisations.count()).isEqualTo(3);
	}

	@Test
	void partnerUpsertOfAKnownExternalIdChangesThatOrganisation() throws Exception {
		mvc.perform(json(put(BASE + "/external/CRM-0001"), "{\"sizeBand\":\"ENTERPRISE\"}")
			.with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("acme-retail"))
			.andExpect(jsonPath("$.sizeBand").value("ENTERPRISE"))
			.andExpect(jsonPath("$.name").value("Acme Retail"));
	}

	@Test
	void anUpsertWhoseBodyNamesAnotherExternalIdIs422() throws Exception {
		mvc.perform(json(put(BASE + "/external/CRM-0001"), "{\"externalId\":\"CRM-0002\"}")
			.with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.externalId").exists());
	}

	@Test
	void aNewOrganisationFromAnUpsertNeedsItsRequiredFields() throws Exception {
		mvc.perform(json(put(BASE + "/external/ERP-NEW"), "{\"industry\":\"Pharma\"}")
			.with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").exists())
			.andExpect(jsonPath("$.errors.country").exists());
	}

	@Test
	void concurrentIdenticalUpsertsCreateOneOrganisation() throws Exception {
		String body = "{\"name\": \"Hooli\", \"country\": \"US\"}";
		List<Integer> statuses = parallel(6, () -> mvc.perform(json(put(BASE + "/external/ERP-HOOLI"), body)
			.with(as(TestTokens.partner("customers.write")))).andReturn().getResponse().getStatus());
		assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 200);
		assertThat(organisations.findByExternalId("ERP-HOOLI")).isPresent();
		assertThat(organisations.count()).isEqualTo(3);
	}

	static List<Integer> parallel(int callers, Callable<Integer> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get(30, TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
