package com.rapport.customer.organisation.web;

import java.util.List;
import java.util.Map;

import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.support.audit.AuditEvent;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every stored change to an organisation or contact is in the audit trail: who, from where, which fields. */
@ApiFixture.ApiTest
class OrganisationAuditMvcTests {

	private static final String BASE = "/api/customers/v1/organisations";

	/** What the gateway sends on: whatever the client claimed, then the address the gateway saw. */
	private static final String FORWARDED_FOR = "192.0.2.66, 198.51.100.7";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	MongoAuditTrail trail;

	private NewAuditEntries audited;

	@BeforeEach
	void setUp() {
		ApiFixture.reset(organisations);
		audited = NewAuditEntries.since(trail);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body).header("X-Forwarded-For", FORWARDED_FOR);
	}

	@Test
	void aPartnersUpsertIsRecordedAsThePartnerWithItsClientTheAddressAndTheChangedFields() throws Exception {
		mvc.perform(json(put(BASE + "/external/CRM-0001"), "{\"industry\": \"Furniture\", \"region\": \"East China\"}")
			.with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isOk());

		AuditEvent event = audited.single();
		assertThat(event.actor()).isEqualTo("partner-test");
		assertThat(event.client()).isEqualTo("partner-test");
		assertThat(event.address()).isEqualTo("198.51.100.7");
		assertThat(event.action()).isEqualTo("organisation.updated");
		assertThat(event.recordType()).isEqualTo("organisation");
		assertThat(event.recordId()).isEqualTo("acme-retail");
		assertThat(event.organisationId()).isEqualTo("acme-retail");
		// The region was East China already: only what really changed.
		assertThat(event.details()).isEqualTo(Map.of("fields", "industry"));
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void aPartnersUpsertThatCreatesIsRecordedAsACreationAndItsRepeatIsNotRecorded() throws Exception {
		String body = "{\"name\": \"Umbrella Pharma\", \"country\": \"GB\"}";
		mvc.perform(json(put(BASE + "/external/ERP-UMB-1"), body).with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isCreated());
		mvc.perform(json(put(BASE + "/external/ERP-UMB-1"), body).with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isOk());

		AuditEvent event = audited.single();
		assertThat(event.action()).isEqualTo("organisation.created");
		assertThat(event.recordId()).isEqualTo("umbrella-pharma");
		assertThat(event.organisationId()).isEqualTo("umbrella-pharma");
		assertThat(event.details().get("fields").split(",")).contains("name", "country", "externalId");
	}

	@Test
	void aStaffEditOfAContactNamesTheChangedFieldsButNeverTheirValues() throws Exception {
		mvc.perform(json(put(BASE + "/acme-retail/contacts/" + ApiFixture.ALICE_ID),
				"{\"email\": \"alice.new@acme-retail.example\", \"phone\": \"+86 21 5555 0199\", \"birthday\": \"1986-04-13\"}")
			.with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk());

		AuditEvent event = audited.single();
		assertThat(event.actor()).isEqualTo("staff-agent");
		assertThat(event.actorRoles()).containsExactly("agent");
		assertThat(event.client()).isEqualTo(TestTokens.PEOPLES_CLIENT);
		assertThat(event.action()).isEqualTo("contact.updated");
		assertThat(event.recordType()).isEqualTo("contact");
		assertThat(event.recordId()).isEqualTo(ApiFixture.ALICE_ID);
		assertThat(event.organisationId()).isEqualTo("acme-retail");
		assertThat(event.details()).isEqualTo(Map.of("fields", "birthday,email,phone"));
		assertThat(event.toString()).doesNotContain("alice.new", "5555", "1986");
	}

	@Test
	void aNewContactIsRecordedUnderItsOrganisation() throws Exception {
		mvc.perform(json(post(BASE + "/globex-trading/contacts"), "{\"name\": \"Mei Lin\", \"email\": \"mei@globex.example\"}")
			.with(as(TestTokens.staff("manager"))))
			.andExpect(status().isCreated());

		AuditEvent event = audited.single();
		assertThat(event.action()).isEqualTo("contact.created");
		assertThat(event.organisationId()).isEqualTo("globex-trading");
		assertThat(event.details().get("fields").split(",")).contains("name", "email").doesNotContain("id");
	}

	@Test
	void aRefusedChangeIsNotRecorded() throws Exception {
		// 422: a field breaks a rule.
		mvc.perform(json(post(BASE), "{\"country\": \"China\"}").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isUnprocessableContent());
		// 404: no such organisation.
		mvc.perform(json(put(BASE + "/no-such-org"), "{\"industry\": \"Retail\"}").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isNotFound());
		// 409: based on a version that is no longer the stored one.
		mvc.perform(json(put(BASE + "/acme-retail"), "{\"industry\": \"Toys\", \"version\": 41}")
			.with(as(TestTokens.staff("agent"))))
			.andExpect(status().isConflict());
		// 403: a customer may not change its organisation.
		mvc.perform(json(put(BASE + "/acme-retail"), "{\"industry\": \"Toys\"}")
			.with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		// 200, but nothing to change.
		mvc.perform(json(put(BASE + "/acme-retail"), "{\"industry\": \"Retail\"}").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk());

		assertThat(audited.events()).isEqualTo(List.of());
	}
}
