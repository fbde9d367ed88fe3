package com.rapport.customer.care.web;

import java.time.Instant;

import com.rapport.customer.MongoConfiguration;
import com.rapport.customer.care.CareTask;
import com.rapport.customer.care.CareTaskKind;
import com.rapport.customer.care.CareTaskRepository;
import com.rapport.customer.care.CareTaskService;
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

/** The staff's read of open care tasks over the real service and the embedded store (in memory). */
@WebMvcTest(CareTaskController.class)
@AutoConfigureDataMongo
@Import({ CareTaskService.class, MongoConfiguration.class })
@ImportAutoConfiguration({ ResourceServerSecurityAutoConfiguration.class, EmbeddedMongoAutoConfiguration.class })
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class CareTaskControllerMvcTests {

	private static final String TASKS = "/api/customers/v1/care-tasks";

	@Autowired
	MockMvc mvc;

	@Autowired
	CareTaskRepository tasks;

	@BeforeEach
	void setUp() {
		tasks.deleteAll();
		tasks.insert(task("stark-components", "agent.li", "2026-11-01T02:30:00Z", true));
		tasks.insert(task("wayne-hardware", "manager.wang", "2026-11-02T02:30:00Z", true));
		tasks.insert(task("acme-retail", "agent.li", "2026-11-03T02:30:00Z", false));
	}

	private static CareTask task(String organisationId, String assignee, String at, boolean open) {
		return new CareTask("wake-up-call:" + organisationId + ":" + at.substring(0, 10), organisationId, assignee,
				CareTaskKind.WAKE_UP_CALL, "Secret wake-up " + organisationId, Instant.parse(at), open);
	}

	@Test
	void staffReadOpenTasksNewestFirst() throws Exception {
		mvc.perform(get(TASKS).with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].organisationId").value(contains("wayne-hardware", "stark-components")))
			.andExpect(jsonPath("$.items[0].kind").value("WAKE_UP_CALL"))
			.andExpect(jsonPath("$.items[0].open").value(true))
			.andExpect(jsonPath("$.items[0].createdAt").value("2026-11-02T02:30:00Z"));
	}

	@Test
	void theAssigneeFiltersTheTasks() throws Exception {
		mvc.perform(get(TASKS).param("assignee", "agent.li").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].organisationId").value(contains("stark-components")))
			.andExpect(jsonPath("$.items[0].assignee").value("agent.li"));
		mvc.perform(get(TASKS).param("assignee", "nobody").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isEmpty());
	}

	@Test
	void customersPartnersServicesAndAnonymousCallersAreRefused() throws Exception {
		mvc.perform(get(TASKS).with(as(TestTokens.customer("stark-components"))))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("Secret wake-up"))));
		mvc.perform(get(TASKS).param("assignee", "agent.li").with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("Secret wake-up"))));
		mvc.perform(get(TASKS).with(as(TestTokens.partner("customers.read")))).andExpect(status().isForbidden());
		mvc.perform(get(TASKS).with(as(TestTokens.service()))).andExpect(status().isForbidden());
		mvc.perform(get(TASKS)).andExpect(status().isUnauthorized());
	}
}
