package com.rapport.customer.timeline.web;

import java.time.Instant;
import java.util.Map;

import com.rapport.customer.MongoConfiguration;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationService;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.audit.AuditTrailAutoConfiguration;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.AutoConfigureDataMongo;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The staff's REST read of a timeline over the real service and the embedded store (in memory). */
@WebMvcTest(TimelineController.class)
@AutoConfigureDataMongo
@Import({ TimelineService.class, OrganisationService.class, MongoConfiguration.class })
@ImportAutoConfiguration({ ResourceServerSecurityAutoConfiguration.class, EmbeddedMongoAutoConfiguration.class,
		AuditTrailAutoConfiguration.class })
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class TimelineControllerMvcTests {

	private static final String ACME_TIMELINE = "/api/customers/v1/organisations/acme-retail/timeline";

	private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InteractionRepository interactions;

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		interactions.deleteAll();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN"));
		organisations.save(Organisation.create("globex-trading", "Globex Trading", null, "SG"));
		store("1", "acme-retail", InteractionKind.ORDER_PLACED, T0);
		store("2", "acme-retail", InteractionKind.ORDER_DELAYED, T0.plusSeconds(60));
		store("3", "acme-retail", InteractionKind.TICKET_OPENED, T0.plusSeconds(120));
		store("4", "globex-trading", InteractionKind.ORDER_PLACED, T0.plusSeconds(180));
	}

	private void store(String eventId, String organisationId, InteractionKind kind, Instant at) {
		interactions.insert(new Interaction(null, "order-tracking-service", eventId, organisationId, kind, at,
				"Secret summary " + eventId, "order:" + eventId, Map.of("order_number", "PO-" + eventId), at));
	}

	@Test
	void staffReadTheTimelineNewestFirst() throws Exception {
		mvc.perform(get(ACME_TIMELINE).with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].eventId").value(contains("3", "2", "1")))
			.andExpect(jsonPath("$.items[0].kind").value("TICKET_OPENED"))
			.andExpect(jsonPath("$.items[0].occurredAt").value("2026-03-01T08:02:00Z"))
			.andExpect(jsonPath("$.items[0].source").value("order-tracking-service"))
			.andExpect(jsonPath("$.items[0].summary").value("Secret summary 3"))
			.andExpect(jsonPath("$.items[0].reference").value("order:3"))
			.andExpect(jsonPath("$.items[0].attributes.order_number").value("PO-3"))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.size").value(50));
	}

	@Test
	void theTimelineIsPagedAndFilteredByKindInAnyCase() throws Exception {
		mvc.perform(get(ACME_TIMELINE).param("kind", "ORDER_PLACED", "order_delayed").param("size", "1")
			.param("page", "1").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].eventId").value(contains("1")))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.page").value(1));
	}

	@Test
	void anUnknownKindIs422NamingTheField() throws Exception {
		mvc.perform(get(ACME_TIMELINE).param("kind", "ORDER_LOST").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors.kind").value(containsString("ORDER_PLACED")));
	}

	@Test
	void anUnknownOrganisationIs404() throws Exception {
		mvc.perform(get("/api/customers/v1/organisations/no-such-org/timeline").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("Not found"));
	}

	@Test
	void customerCannotReadAnotherCustomersTimelineNorItsOwn() throws Exception {
		mvc.perform(get(ACME_TIMELINE).with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("Secret summary"))));
		mvc.perform(get(ACME_TIMELINE).with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void partnersServicesAndAnonymousCallersAreRefused() throws Exception {
		mvc.perform(get(ACME_TIMELINE).with(as(TestTokens.partner("customers.read customers.write"))))
			.andExpect(status().isForbidden());
		mvc.perform(get(ACME_TIMELINE).with(as(TestTokens.service()))).andExpect(status().isForbidden());
		mvc.perform(get(ACME_TIMELINE)).andExpect(status().isUnauthorized());
	}
}
