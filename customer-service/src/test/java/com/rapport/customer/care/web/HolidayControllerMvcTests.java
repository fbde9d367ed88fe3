package com.rapport.customer.care.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.rapport.customer.MongoConfiguration;
import com.rapport.customer.care.Holiday;
import com.rapport.customer.care.HolidayRepository;
import com.rapport.customer.care.HolidayService;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The holiday calendar's routes over the real service, the embedded store (in memory) and the audit trail. */
@WebMvcTest(HolidayController.class)
@AutoConfigureDataMongo
@Import({ HolidayService.class, MongoConfiguration.class })
@ImportAutoConfiguration({ ResourceServerSecurityAutoConfiguration.class, EmbeddedMongoAutoConfiguration.class,
		AuditTrailAutoConfiguration.class })
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class HolidayControllerMvcTests {

	private static final String HOLIDAYS = "/api/customers/v1/holidays";

	static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

	private static final String SPRING_FESTIVAL = """
			{"date": "2027-02-06", "countries": ["cn", "SG"],
			 "name": {"en": "Spring Festival", "zh-CN": "春节"},
			 "greeting": {"en": "Dear {name}, happy Spring Festival!", "zh-CN": "{name}，您好！新春快乐！"}}""";

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	HolidayRepository holidays;

	@Autowired
	MongoAuditTrail trail;

	private NewAuditEntries audited;

	@BeforeEach
	void setUp() {
		holidays.deleteAll();
		holidays.save(holiday("christmas-2026", "2026-12-25", "DE", "GB"));
		holidays.save(holiday("new-year-2027", "2027-01-01"));
		holidays.save(holiday("national-day-cn-2027", "2027-10-01", "CN"));
		audited = NewAuditEntries.since(trail);
	}

	static Holiday holiday(String id, String date, String... countries) {
		return new Holiday(id, LocalDate.parse(date), List.of(countries), Map.of("en", id, "zh-CN", id),
				Map.of("en", "Dear {name}", "zh-CN", "{name}，您好"), NOW, NOW);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@Test
	void staffReadTheCalendarByDateWithinTheDatesAsked() throws Exception {
		mvc.perform(get(HOLIDAYS).with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id").value(
					containsInAnyOrder("christmas-2026", "new-year-2027", "national-day-cn-2027")))
			.andExpect(jsonPath("$.items[0].id").value("christmas-2026"))
			.andExpect(jsonPath("$.items[0].countries").value(containsInAnyOrder("DE", "GB")))
			.andExpect(jsonPath("$.items[0].name.zh-CN").value("christmas-2026"));
		mvc.perform(get(HOLIDAYS).param("from", "2026-12-25").param("to", "2027-01-01")
			.with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id").value(containsInAnyOrder("christmas-2026", "new-year-2027")));
		mvc.perform(get(HOLIDAYS + "/new-year-2027").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2027-01-01"))
			.andExpect(jsonPath("$.countries").isEmpty());
	}

	@Test
	void badDatesInTheQueryAre422NamingThem() throws Exception {
		mvc.perform(get(HOLIDAYS).param("from", "next week").param("to", "2027-13-01")
			.with(as(TestTokens.staff("agent"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.from").exists())
			.andExpect(jsonPath("$.errors.to").exists());
	}

	@Test
	void aManagerAddsAHolidayAndGetsItsLocation() throws Exception {
		String body = mvc.perform(json(post(HOLIDAYS), SPRING_FESTIVAL).with(as(TestTokens.staff("manager"))))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith(HOLIDAYS + "/")))
			.andExpect(jsonPath("$.date").value("2027-02-06"))
			.andExpect(jsonPath("$.countries").value(containsInAnyOrder("CN", "SG")))
			.andExpect(jsonPath("$.name.en").value("Spring Festival"))
			.andExpect(jsonPath("$.greeting.zh-CN").value("{name}，您好！新春快乐！"))
			.andExpect(jsonPath("$.createdAt").value("2026-11-30T08:00:00Z"))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");

		mvc.perform(get(HOLIDAYS + "/" + id).with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name.zh-CN").value("春节"));
		assertThat(audited.single()).satisfies(event -> {
			assertThat(event.actor()).isEqualTo("staff-manager");
			assertThat(event.action()).isEqualTo("holiday.created");
			assertThat(event.recordType()).isEqualTo("holiday");
			assertThat(event.recordId()).isEqualTo(id);
			assertThat(event.details()).containsEntry("fields", "countries,date,greeting,name")
				.containsEntry("date", "2027-02-06");
		});
	}

	@Test
	void aHolidayIsReplacedAndDeletedAndEachChangeIsAudited() throws Exception {
		mvc.perform(json(put(HOLIDAYS + "/national-day-cn-2027"), """
				{"date": "2027-10-01", "countries": ["CN"],
				 "name": {"en": "National Day", "zh-CN": "国庆节"},
				 "greeting": {"en": "Dear {name}, enjoy the Golden Week!", "zh-CN": "{name}，国庆快乐！"}}""")
			.with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name.en").value("National Day"))
			.andExpect(jsonPath("$.updatedAt").value("2026-11-30T08:00:00Z"));
		assertThat(holidays.findById("national-day-cn-2027").orElseThrow().greetingFor("zh-CN", "Alice Chen"))
			.isEqualTo("Alice Chen，国庆快乐！");
		mvc.perform(delete(HOLIDAYS + "/national-day-cn-2027").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isNoContent());
		mvc.perform(delete(HOLIDAYS + "/national-day-cn-2027").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isNotFound());

		assertThat(holidays.existsById("national-day-cn-2027")).isFalse();
		assertThat(audited.events()).satisfiesExactly(updated -> {
			assertThat(updated.action()).isEqualTo("holiday.updated");
			assertThat(updated.actor()).isEqualTo("staff-admin");
			assertThat(updated.recordId()).isEqualTo("national-day-cn-2027");
			assertThat(updated.details()).containsEntry("fields", "greeting,name");
		}, deleted -> {
			assertThat(deleted.action()).isEqualTo("holiday.deleted");
			assertThat(deleted.actor()).isEqualTo("staff-manager");
			assertThat(deleted.details()).isEqualTo(Map.of("date", "2027-10-01"));
		});
	}

	@Test
	void anUnchangedReplacementIsNotAudited() throws Exception {
		mvc.perform(json(post(HOLIDAYS), SPRING_FESTIVAL).with(as(TestTokens.staff("manager"))))
			.andExpect(status().isCreated());
		String id = holidays.findAll().stream().filter(h -> h.date().equals(LocalDate.of(2027, 2, 6))).findFirst()
			.orElseThrow().id();
		NewAuditEntries afterCreate = NewAuditEntries.since(trail);

		mvc.perform(json(put(HOLIDAYS + "/" + id), SPRING_FESTIVAL).with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk());

		assertThat(afterCreate.events()).isEmpty();
	}

	@Test
	void everyBadFieldIsNamedInOne422AndNothingIsStored() throws Exception {
		mvc.perform(json(post(HOLIDAYS), """
				{"date": "06/02/2027", "countries": ["CN", "XX", ""],
				 "name": {"en": "Spring Festival", "fr": "Fête du printemps"},
				 "greeting": {"en": "Dear {firstName}, happy {name}!", "zh-CN": "%s"}}""".formatted("x".repeat(1001)))
			.with(as(TestTokens.staff("manager"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://rapport.example/problems/validation"))
			.andExpect(jsonPath("$.errors.date").value("an ISO date such as 2027-02-06"))
			.andExpect(jsonPath("$.errors['countries[1]']").exists())
			.andExpect(jsonPath("$.errors['countries[2]']").exists())
			.andExpect(jsonPath("$.errors['name.fr']").value("only en and zh-CN"))
			.andExpect(jsonPath("$.errors['name.zh-CN']").value("is required"))
			.andExpect(jsonPath("$.errors['greeting.en']").value("only the placeholder {name} may stand in braces"))
			.andExpect(jsonPath("$.errors['greeting.zh-CN']").value("at most 1000 characters"));
		mvc.perform(json(post(HOLIDAYS), "{}").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.date").value("is required"))
			.andExpect(jsonPath("$.errors['name.en']").value("is required"))
			.andExpect(jsonPath("$.errors['greeting.zh-CN']").value("is required"));
		mvc.perform(json(put(HOLIDAYS + "/new-year-2027"), "{\"date\": \"2027-01-01\", \"greeting\": {\"en\": \"{\"}}")
			.with(as(TestTokens.staff("manager"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['greeting.en']").exists());

		assertThat(holidays.count()).isEqualTo(3);
		assertThat(audited.events()).isEmpty();
	}

	@Test
	void anUnknownHolidayIs404() throws Exception {
		mvc.perform(get(HOLIDAYS + "/no-such-day").with(as(TestTokens.staff("agent")))).andExpect(status().isNotFound());
		mvc.perform(json(put(HOLIDAYS + "/no-such-day"), SPRING_FESTIVAL).with(as(TestTokens.staff("manager"))))
			.andExpect(status().isNotFound());
		mvc.perform(delete(HOLIDAYS + "/no-such-day").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void agentsReadButDoNotEditTheCalendar() throws Exception {
		mvc.perform(json(post(HOLIDAYS), SPRING_FESTIVAL).with(as(TestTokens.staff("agent"))))
			.andExpect(status().isForbidden());
		mvc.perform(json(put(HOLIDAYS + "/new-year-2027"), SPRING_FESTIVAL).with(as(TestTokens.staff("agent"))))
			.andExpect(status().isForbidden());
		mvc.perform(delete(HOLIDAYS + "/new-year-2027").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isForbidden());

		assertThat(holidays.count()).isEqualTo(3);
		assertThat(holidays.findById("new-year-2027").orElseThrow().date()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(audited.events()).isEmpty();
	}

	@Test
	void customersPartnersAndServicesAreRefusedTheCalendar() throws Exception {
		for (String token : List.of(TestTokens.customer("acme-retail"), TestTokens.partner("customers.read customers.write"),
				TestTokens.service())) {
			mvc.perform(get(HOLIDAYS).with(as(token))).andExpect(status().isForbidden());
			mvc.perform(json(post(HOLIDAYS), SPRING_FESTIVAL).with(as(token))).andExpect(status().isForbidden());
			mvc.perform(delete(HOLIDAYS + "/new-year-2027").with(as(token))).andExpect(status().isForbidden());
		}
		mvc.perform(get(HOLIDAYS)).andExpect(status().isUnauthorized());
		assertThat(holidays.count()).isEqualTo(3);
	}
}
