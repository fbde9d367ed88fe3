package com.rapport.customer.organisation.web;

import java.util.List;

import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.rapport.customer.organisation.web.ApiFixture.ALICE_ID;
import static com.rapport.customer.organisation.web.ApiFixture.GAVIN_ID;
import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApiFixture.ApiTest
class ContactControllerMvcTests {

	private static final String ACME = "/api/customers/v1/organisations/acme-retail/contacts";

	private static final String GLOBEX = "/api/customers/v1/organisations/globex-trading/contacts";

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
	void withoutATokenTheAnswerIs401() throws Exception {
		mvc.perform(get(ACME)).andExpect(status().isUnauthorized());
		mvc.perform(get(ACME + "/" + ALICE_ID)).andExpect(status().isUnauthorized());
		mvc.perform(json(post(ACME), "{\"name\":\"X\"}")).andExpect(status().isUnauthorized());
		mvc.perform(json(put(ACME + "/" + ALICE_ID), "{}")).andExpect(status().isUnauthorized());
		mvc.perform(json(put(ACME + "/external/C-1"), "{}")).andExpect(status().isUnauthorized());
	}

	@Test
	void customerCannotReadAnotherCustomersContact() throws Exception {
		mvc.perform(get(ACME + "/" + ALICE_ID).with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(content().string(not(containsString("Alice"))))
			.andExpect(content().string(not(containsString("Acme"))));
	}

	@Test
	void customerCannotListAnotherCustomersContacts() throws Exception {
		mvc.perform(get(ACME).with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Alice"))));
	}

	@Test
	void aContactIdOfAnotherOrganisationIsNotFoundUnderOnesOwn() throws Exception {
		mvc.perform(get(GLOBEX + "/" + ALICE_ID).with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Alice"))));
	}

	@Test
	void customerReadsItsOwnContactsWithoutTheirLogins() throws Exception {
		mvc.perform(get(ACME).with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(ALICE_ID))
			.andExpect(jsonPath("$[0].language").value("zh-CN"))
			.andExpect(jsonPath("$[0].marketingConsent").value(true))
			.andExpect(content().string(not(containsString("acme.buyer"))));
		mvc.perform(get(ACME + "/" + ALICE_ID).with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").value("Asia/Shanghai"));
	}

	@Test
	void anUnknownContactIsNotFound() throws Exception {
		mvc.perform(get(ACME + "/nobody").with(as(TestTokens.staff("agent")))).andExpect(status().isNotFound());
		mvc.perform(json(put(ACME + "/nobody"), "{\"name\":\"X\"}").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isNotFound());
		mvc.perform(json(post("/api/customers/v1/organisations/no-such-org/contacts"), "{\"name\":\"X\",\"email\":\"x@y.cn\"}")
			.with(as(TestTokens.staff("agent")))).andExpect(status().isNotFound());
	}

	@Test
	void customerCannotAddOrEditContacts() throws Exception {
		mvc.perform(json(post(ACME), "{\"name\":\"Eve\",\"email\":\"eve@acme.example\"}")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
		mvc.perform(json(put(ACME + "/" + ALICE_ID), "{\"email\":\"eve@evil.example\"}")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
		mvc.perform(json(put(ACME + "/external/C-9"), "{\"name\":\"Eve\"}")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
	}

	@Test
	void customerCannotEditAnotherCustomersContact() throws Exception {
		mvc.perform(json(put(ACME + "/" + ALICE_ID), "{\"email\":\"eve@evil.example\"}")
			.with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("Alice"))));
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts().get(0).email())
			.isEqualTo("alice.chen@acme-retail.example");
	}

	@Test
	void staffAddAContactWithDefaults() throws Exception {
		mvc.perform(json(post(ACME), """
				{"name": "Chen Jie", "jobTitle": "Finance", "email": "chen.jie@acme-retail.example",
				 "timeZone": "Asia/Shanghai", "username": "acme.finance"}
				""").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith(ACME + "/")))
			.andExpect(jsonPath("$.id").isNotEmpty())
			.andExpect(jsonPath("$.language").value("en"))
			.andExpect(jsonPath("$.preferredChannel").value("EMAIL"))
			.andExpect(jsonPath("$.marketingConsent").value(false))
			.andExpect(jsonPath("$.surveyConsent").value(false))
			.andExpect(jsonPath("$.username").value("acme.finance"));
		mvc.perform(get("/api/customers/v1/organisations").param("q", "chen.jie").with(as(TestTokens.staff("agent"))))
			.andExpect(jsonPath("$.items[0].id").value("acme-retail"));
	}

	@Test
	void invalidContactInputIs422NamingEachBadField() throws Exception {
		mvc.perform(json(post(ACME), """
				{"name": "", "email": "alice(at)acme", "phone": "call me", "language": "fr",
				 "timeZone": "GMT+8", "birthday": "1985-13-01", "preferredChannel": "FAX"}
				""").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors.name").exists())
			.andExpect(jsonPath("$.errors.email").exists())
			.andExpect(jsonPath("$.errors.phone").exists())
			.andExpect(jsonPath("$.errors.language").exists())
			.andExpect(jsonPath("$.errors.timeZone").exists())
			.andExpect(jsonPath("$.errors.birthday").exists())
			.andExpect(jsonPath("$.errors.preferredChannel").exists());
	}

	@Test
	void staffEditAContactKeepingWhatWasNotSent() throws Exception {
		mvc.perform(json(put(ACME + "/" + ALICE_ID), "{\"language\":\"en\",\"marketingConsent\":false}")
			.with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(ALICE_ID))
			.andExpect(jsonPath("$.language").value("en"))
			.andExpect(jsonPath("$.marketingConsent").value(false))
			.andExpect(jsonPath("$.surveyConsent").value(true))
			.andExpect(jsonPath("$.email").value("alice.chen@acme-retail.example"))
			.andExpect(jsonPath("$.username").value("acme.buyer"));
	}

	@Test
	void partnerUpsertContactByExternalIdIsIdempotent() throws Exception {
		String body = """
				{"name": "Wang Fang", "email": "wang.fang@acme-retail.example", "phone": "+86 21 5555 0177",
				 "language": "zh-CN", "timeZone": "Asia/Shanghai", "preferredChannel": "SMS", "surveyConsent": true}
				""";
		String first = mvc.perform(json(put(ACME + "/external/CRM-0001-C7"), body)
			.with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.externalId").value("CRM-0001-C7"))
			.andReturn().getResponse().getContentAsString();
		String repeat = mvc.perform(json(put(ACME + "/external/CRM-0001-C7"), body)
			.with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(repeat).isEqualTo(first);
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts()).hasSize(2);
	}

	@Test
	void partnerUpsertOfAKnownContactChangesItAndKeepsItsLogin() throws Exception {
		mvc.perform(json(put(ACME + "/external/CRM-0001-C1"), "{\"jobTitle\":\"Head of purchasing\"}")
			.with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(ALICE_ID))
			.andExpect(jsonPath("$.jobTitle").value("Head of purchasing"))
			.andExpect(jsonPath("$.username").doesNotExist());
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts().get(0).username())
			.isEqualTo("acme.buyer");
	}

	@Test
	void partnersCannotLinkPortalLogins() throws Exception {
		mvc.perform(json(put(ACME + "/external/CRM-0001-C1"), "{\"username\":\"someone.else\"}")
			.with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.username").exists());
	}

	@Test
	void contactExternalIdsAreUniqueWithinTheirOrganisationOnly() throws Exception {
		mvc.perform(json(put(ACME + "/" + ALICE_ID), "{}").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk());
		mvc.perform(json(post(ACME), "{\"name\":\"Twin\",\"email\":\"twin@acme.example\",\"externalId\":\"CRM-0001-C1\"}")
			.with(as(TestTokens.staff("agent"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.externalId").exists());
		mvc.perform(json(put(GLOBEX + "/" + GAVIN_ID), "{\"externalId\":\"CRM-0001-C1\"}")
			.with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk());
	}

	@Test
	void aPartnerWithTheWriteScopeAloneWritesButCannotRead() throws Exception {
		mvc.perform(json(put(GLOBEX + "/external/G-2"), "{\"name\":\"Gina\",\"email\":\"gina@globex.example\"}")
			.with(as(TestTokens.partner("customers.write")))).andExpect(status().isCreated());
		mvc.perform(get(GLOBEX).with(as(TestTokens.partner("customers.write")))).andExpect(status().isForbidden());
		mvc.perform(get(GLOBEX).with(as(TestTokens.partner("customers.read customers.write"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[1].name").value("Gina"));
	}

	@Test
	void readOnlyPartnerCannotWriteContacts() throws Exception {
		mvc.perform(json(put(ACME + "/external/C-5"), "{\"name\":\"X\",\"email\":\"x@acme.example\"}")
			.with(as(TestTokens.partner("customers.read")))).andExpect(status().isForbidden());
	}

	@Test
	void concurrentIdenticalContactUpsertsAddOneContact() throws Exception {
		String body = "{\"name\": \"Li Na\", \"email\": \"li.na@acme-retail.example\"}";
		List<Integer> statuses = OrganisationControllerMvcTests.parallel(6,
				() -> mvc.perform(json(put(ACME + "/external/CRM-0001-C8"), body)
					.with(as(TestTokens.partner("customers.write")))).andReturn().getResponse().getStatus());
		assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 200);
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts()).hasSize(2);
	}

	@Test
	void concurrentEditsOfContactsNeverAnswer500() throws Exception {
		List<Integer> statuses = OrganisationControllerMvcTests.parallel(6,
				() -> mvc.perform(json(post(ACME), "{\"name\": \"New\", \"email\": \"new@acme.example\"}")
					.with(as(TestTokens.staff("agent")))).andReturn().getResponse().getStatus());
		assertThat(statuses).contains(201).containsOnly(201, 409);
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts())
			.hasSize(1 + (int) statuses.stream().filter(s -> s == 201).count());
	}
}
