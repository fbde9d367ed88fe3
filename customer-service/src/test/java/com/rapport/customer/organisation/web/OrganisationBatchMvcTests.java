package com.rapport.customer.organisation.web;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationBatchImport;
import com.rapport.support.audit.AuditEvent;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A partner's bulk load: organisations with their contacts, each answered on its own. */
@ApiFixture.ApiTest
class OrganisationBatchMvcTests {

	private static final String BATCH = "/api/customers/v1/organisations:batch";

	private static final String UMBRELLA = """
			{"externalId": "ERP-UMB-1", "name": "Umbrella Pharma", "country": "gb", "industry": "Pharma",
			 "contacts": [
			   {"externalId": "ERP-UMB-1-C1", "name": "Chloé Müller", "email": "chloe.mueller@umbrella.example",
			    "phone": "+44 20 7946 0018"},
			   {"externalId": "ERP-UMB-1-C2", "name": "王芳", "email": "fang.wang@umbrella.example", "language": "zh-CN"}
			 ]}""";

	private static final String ACME_CHANGED = """
			{"externalId": "CRM-0001", "industry": "Furniture",
			 "contacts": [{"externalId": "CRM-0001-C1", "jobTitle": "Head buyer"}]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	MongoAuditTrail trail;

	@BeforeEach
	void setUp() {
		ApiFixture.reset(organisations);
	}

	private ResultActions send(String body) throws Exception {
		return mvc.perform(post(BATCH).contentType(MediaType.APPLICATION_JSON).content(body)
			.with(as(TestTokens.partner("customers.write"))));
	}

	private Organisation umbrella() {
		return organisations.findByExternalId("ERP-UMB-1").orElseThrow();
	}

	@Test
	void createsAndUpdatesOrganisationsWithTheirContactsAnsweringEachInOrder() throws Exception {
		NewAuditEntries audited = NewAuditEntries.since(trail);

		send("[" + UMBRELLA + "," + ACME_CHANGED + "]")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.unchanged").value(0))
			.andExpect(jsonPath("$.refused").value(0))
			.andExpect(jsonPath("$.items[0].index").value(0))
			.andExpect(jsonPath("$.items[0].externalId").value("ERP-UMB-1"))
			.andExpect(jsonPath("$.items[0].status").value(201))
			.andExpect(jsonPath("$.items[0].result").value("created"))
			.andExpect(jsonPath("$.items[0].id").value("umbrella-pharma"))
			.andExpect(jsonPath("$.items[0].errors").doesNotExist())
			.andExpect(jsonPath("$.items[1].status").value(200))
			.andExpect(jsonPath("$.items[1].result").value("updated"))
			.andExpect(jsonPath("$.items[1].id").value("acme-retail"));

		Organisation umbrella = umbrella();
		assertThat(umbrella.country()).isEqualTo("GB");
		assertThat(umbrella.contacts()).extracting(c -> c.externalId() + " " + c.name() + " " + c.language())
			.containsExactly("ERP-UMB-1-C1 Chloé Müller en", "ERP-UMB-1-C2 王芳 zh-CN");
		Organisation acme = organisations.findById("acme-retail").orElseThrow();
		assertThat(acme.industry()).isEqualTo("Furniture");
		assertThat(acme.contacts()).singleElement().satisfies(alice -> {
			assertThat(alice.id()).isEqualTo(ApiFixture.ALICE_ID);
			assertThat(alice.jobTitle()).isEqualTo("Head buyer");
			assertThat(alice.email()).isEqualTo("alice.chen@acme-retail.example");
		});
		// The same entries as the single upserts would leave: the organisation, then each contact.
		assertThat(audited.events()).extracting(e -> e.action() + " " + e.recordId() + " " + e.details().get("fields"))
			.containsExactly("organisation.created umbrella-pharma country,externalId,industry,name,status",
					"contact.created " + umbrella.contacts().get(0).id()
							+ " email,externalId,language,name,phone,preferredChannel",
					"contact.created " + umbrella.contacts().get(1).id()
							+ " email,externalId,language,name,preferredChannel",
					"organisation.updated acme-retail industry", "contact.updated alice-1 jobTitle");
		assertThat(audited.events()).extracting(AuditEvent::actor).containsOnly("partner-test");
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void theNewOrganisationsAreFoundByTheSearchLikeAnyOther() throws Exception {
		send("[" + UMBRELLA + "]").andExpect(status().isOk());

		for (String q : List.of("umbrella", "müll", "王芳", "7946 0018", "fang.wang@umbrella")) {
			mvc.perform(get("/api/customers/v1/organisations").param("q", q)
				.with(as(TestTokens.partner("customers.read"))))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(1))
				.andExpect(jsonPath("$.items[0].externalId").value("ERP-UMB-1"));
		}
	}

	@Test
	void theSameBatchTwiceChangesNothingTheSecondTime() throws Exception {
		String batch = "[" + UMBRELLA + "," + ACME_CHANGED + "]";
		send(batch).andExpect(status().isOk());
		Organisation first = umbrella();
		NewAuditEntries audited = NewAuditEntries.since(trail);

		send(batch)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(2))
			.andExpect(jsonPath("$.items[0].status").value(200))
			.andExpect(jsonPath("$.items[0].result").value("unchanged"))
			.andExpect(jsonPath("$.items[0].id").value("umbrella-pharma"))
			.andExpect(jsonPath("$.items[1].result").value("unchanged"));

		assertThat(umbrella()).isEqualTo(first);
		assertThat(organisations.count()).isEqualTo(3);
		assertThat(audited.events()).isEmpty();
	}

	@Test
	void aBadItemIsRefusedNamingEveryBadFieldWhileTheOthersAreStored() throws Exception {
		NewAuditEntries audited = NewAuditEntries.since(trail);
		String bad = """
				{"externalId": "ERP-BAD-7", "name": "", "country": "XX",
				 "contacts": [
				   {"externalId": "ERP-BAD-7-C1", "name": "Ok Person"},
				   {"externalId": "ERP-BAD-7-C2", "name": "Bad Mail", "email": "not-an-email", "timeZone": "+08:00"},
				   {"name": "No Key"},
				   {"externalId": "ERP-BAD-7-C1", "name": "Twice"},
				   {"externalId": "ERP-BAD-7-C5", "name": "Login", "username": "someone"}
				 ]}""";

		send("[" + UMBRELLA + "," + bad + ", {\"name\": \"No Key Ltd\", \"country\": \"DE\"}, null]")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.refused").value(3))
			.andExpect(jsonPath("$.items[0].status").value(201))
			.andExpect(jsonPath("$.items[1].index").value(1))
			.andExpect(jsonPath("$.items[1].externalId").value("ERP-BAD-7"))
			.andExpect(jsonPath("$.items[1].status").value(422))
			.andExpect(jsonPath("$.items[1].result").value("invalid"))
			.andExpect(jsonPath("$.items[1].id").doesNotExist())
			.andExpect(jsonPath("$.items[1].errors.name").exists())
			.andExpect(jsonPath("$.items[1].errors.country").exists())
			.andExpect(jsonPath("$.items[1].errors['contacts[1].email']").exists())
			.andExpect(jsonPath("$.items[1].errors['contacts[1].timeZone']").exists())
			.andExpect(jsonPath("$.items[1].errors['contacts[2].externalId']").exists())
			.andExpect(jsonPath("$.items[1].errors['contacts[3].externalId']").value("repeats contacts[0]"))
			.andExpect(jsonPath("$.items[1].errors['contacts[4].username']").exists())
			.andExpect(jsonPath("$.items[1].errors['contacts[0].name']").doesNotExist())
			.andExpect(jsonPath("$.items[2].index").value(2))
			.andExpect(jsonPath("$.items[2].externalId").doesNotExist())
			.andExpect(jsonPath("$.items[2].status").value(422))
			.andExpect(jsonPath("$.items[2].errors.externalId").value("is required"))
			.andExpect(jsonPath("$.items[3].status").value(422))
			.andExpect(jsonPath("$.items[3].errors.item").value("is required"));

		assertThat(organisations.findByExternalId("ERP-BAD-7")).isEmpty();
		assertThat(organisations.count()).isEqualTo(3);
		assertThat(audited.events()).extracting(AuditEvent::action)
			.containsExactly("organisation.created", "contact.created", "contact.created");
	}

	@Test
	void aRefusedItemIsSaidInTheReadersLanguageWithStableCodes() throws Exception {
		String bad = """
				{"externalId": "ERP-BAD-8", "name": "Bad", "country": "XX",
				 "contacts": [{"externalId": "ERP-BAD-8-C1", "name": "A"}, {"externalId": "ERP-BAD-8-C1", "name": "B"}]}""";
		mvc.perform(post(BATCH).contentType(MediaType.APPLICATION_JSON).content("[" + bad + "]")
			.header("Accept-Language", "zh-CN").with(as(TestTokens.partner("customers.write"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].status").value(422))
			.andExpect(jsonPath("$.items[0].reason").value("organisation.batch.item-invalid"))
			.andExpect(jsonPath("$.items[0].detail").value("该组织或其联系人的部分字段无效。"))
			.andExpect(jsonPath("$.items[0].fieldCodes.country").value("profile.country.format"))
			.andExpect(jsonPath("$.items[0].errors.country").value("ISO 3166-1 二位字母代码，如 CN 或 DE"))
			.andExpect(jsonPath("$.items[0].fieldCodes['contacts[1].externalId']")
				.value("organisation.batch.contact-external-id.repeated"))
			.andExpect(jsonPath("$.items[0].errors['contacts[1].externalId']").value("与 contacts[0] 重复"));
	}

	@Test
	void aStaleVersionIsAConflictForThatItemAlone() throws Exception {
		send("[{\"externalId\": \"CRM-0001\", \"industry\": \"Toys\", \"version\": 99}," + UMBRELLA + "]")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].status").value(409))
			.andExpect(jsonPath("$.items[0].result").value("conflict"))
			.andExpect(jsonPath("$.items[0].reason").value("organisation.changed-meanwhile"))
			.andExpect(jsonPath("$.items[0].detail").value(
					"Organisation acme-retail was changed meanwhile; read it again and repeat the change."))
			.andExpect(jsonPath("$.items[1].status").value(201));
		assertThat(organisations.findById("acme-retail").orElseThrow().industry()).isEqualTo("Retail");
	}

	@Test
	void aRequestOverTheLimitIsRefusedWholeAndStoresNothing() throws Exception {
		String tooMany = IntStream.rangeClosed(1, OrganisationBatchImport.MAX_BATCH + 1)
			.mapToObj(i -> "{\"externalId\": \"ERP-" + i + "\", \"name\": \"Org " + i + "\", \"country\": \"CN\"}")
			.collect(Collectors.joining(",", "[", "]"));

		send(tooMany)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors.items").value("at most 500 organisations a request, not 501"));
		assertThat(organisations.count()).isEqualTo(2);
	}

	@Test
	void notAListIsMalformedAndReadersCustomersAndAnonymousCallersAreRefused() throws Exception {
		send("{\"externalId\": \"ERP-UMB-1\"}").andExpect(status().isBadRequest());
		mvc.perform(post(BATCH).contentType(MediaType.APPLICATION_JSON).content("[" + UMBRELLA + "]"))
			.andExpect(status().isUnauthorized());
		for (String token : List.of(TestTokens.partner("customers.read"), TestTokens.customer("acme-retail"),
				TestTokens.service())) {
			mvc.perform(post(BATCH).contentType(MediaType.APPLICATION_JSON).content("[" + UMBRELLA + "]")
				.with(as(token))).andExpect(status().isForbidden());
		}
		assertThat(organisations.findByExternalId("ERP-UMB-1")).isEmpty();
	}
}
