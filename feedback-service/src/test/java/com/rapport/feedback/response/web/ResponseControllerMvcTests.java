package com.rapport.feedback.response.web;

import com.rapport.feedback.response.SurveyResponse;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The partner API of survey answers through MockMvc, with the real security, rules and (embedded) store. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=feedback-partner-api", "rapport.relay.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class ResponseControllerMvcTests {

	static final String WRITER = TestTokens.partner("feedback.write");

	static final String READER = TestTokens.partner("feedback.read");

	static final String CSAT_2 = """
			{"responseId": "crm-77", "customerId": "acme-retail", "contactId": "contact-alice", "kind": "csat",
			 "score": 2, "comment": "Waited a week for an answer", "subjectType": "TICKET", "subjectId": "T-1009",
			 "channel": "PHONE"}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	SurveyResponseRepository responses;

	@Autowired
	MongoAuditTrail audit;

	@BeforeEach
	void empty() {
		responses.deleteAll();
	}

	private MockHttpServletRequestBuilder record(String body) {
		return post("/api/feedback/v1/responses").with(as(WRITER)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@Test
	void anAnswerIsRecordedOnceAuditedAsThePartnerAndItsRepeatSaysSo() throws Exception {
		NewAuditEntries mark = NewAuditEntries.since(audit);
		// a collecting system's clock with nanoseconds: the store keeps milliseconds, and so does every answer
		String withNanos = CSAT_2.replace("}", ", \"answeredAt\": \"2026-11-30T09:59:58.123456789Z\"}");
		String first = mvc.perform(record(withNanos))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/feedback/v1/responses/crm-77"))
			.andExpect(header().doesNotExist("Idempotent-Replayed"))
			.andExpect(jsonPath("$.kind").value("CSAT"))
			.andExpect(jsonPath("$.score").value(2))
			.andExpect(jsonPath("$.scaleMax").value(5))
			.andExpect(jsonPath("$.channel").value("PHONE"))
			.andReturn().getResponse().getContentAsString();

		String replayed = mvc.perform(record(withNanos))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andReturn().getResponse().getContentAsString();

		assertThat(replayed).as("the repeat reads exactly as the first answer").isEqualTo(first);

		assertThat(responses.count()).isEqualTo(1);
		SurveyResponse stored = responses.findById("crm-77").orElseThrow();
		assertThat(stored.followUps()).as("a CSAT of 2 owes its follow-up ticket, whoever collected it").hasSize(1);
		assertThat(mark.events()).as("recorded once, audited once, never with the comment").singleElement()
			.satisfies(event -> {
				assertThat(event.action()).isEqualTo("feedback.answer-recorded");
				assertThat(event.recordId()).isEqualTo("crm-77");
				assertThat(event.details()).doesNotContainValue("Waited a week for an answer");
			});
	}

	@Test
	void anotherAnswerUnderTheSameIdIsAConflictAndChangesNothing() throws Exception {
		mvc.perform(record(CSAT_2)).andExpect(status().isCreated());

		mvc.perform(record(CSAT_2.replace("\"score\": 2", "\"score\": 5")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("conflict"))
			.andExpect(jsonPath("$.reason").value("feedback.answer-differs"));

		assertThat(responses.findById("crm-77").orElseThrow().score()).isEqualTo(2);
	}

	@Test
	void badAnswersAreRefusedNamingEachFieldInTheCallersLanguageAndStoreNothing() throws Exception {
		mvc.perform(record("""
				{"responseId": "crm-78", "customerId": "acme-retail", "kind": "NPS", "score": 11,
				 "subjectType": "ORDER", "channel": "PIGEON"}""").header("Accept-Language", "zh-CN"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fieldCodes.score").value("feedback.score.range"))
			.andExpect(jsonPath("$.fieldCodes.subjectId").value("feedback.subject-id.required"))
			.andExpect(jsonPath("$.fieldCodes.channel").value("field.unknown-choice"))
			.andExpect(jsonPath("$.errors.score").value(containsString("10")))
			.andExpect(jsonPath("$.detail").value("该问卷答复无效。"));
		mvc.perform(record("{\"responseId\": \"crm-79\", \"score\": \"nine\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/feedback/v1/responses").with(as(WRITER)).contentType(MediaType.TEXT_PLAIN).content("9"))
			.andExpect(status().isUnsupportedMediaType());
		mvc.perform(record("{\"comment\": \"" + "x".repeat(70_000) + "\"}"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.code").value("too-large"));

		assertThat(responses.count()).isZero();
	}

	@Test
	void partnersReadAnswersWithTheirCommentsNewestFirstAndEachOrganisationsScores() throws Exception {
		mvc.perform(record(CSAT_2)).andExpect(status().isCreated());
		mvc.perform(record("""
				{"responseId": "crm-80", "customerId": "acme-retail", "kind": "NPS", "score": 10,
				 "answeredAt": "2026-11-29T10:00:00Z"}"""))
			.andExpect(status().isCreated());
		mvc.perform(record("""
				{"responseId": "crm-81", "customerId": "globex-trading", "kind": "NPS", "score": 3}"""))
			.andExpect(status().isCreated());

		mvc.perform(get("/api/feedback/v1/responses/crm-77").with(as(READER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.comment").value("Waited a week for an answer"));
		mvc.perform(get("/api/feedback/v1/responses").param("customerId", "acme-retail").with(as(READER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].id").value("crm-77"))
			.andExpect(jsonPath("$.items[1].id").value("crm-80"));
		mvc.perform(get("/api/feedback/v1/responses").param("kind", "nps").with(as(READER)))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].customerId").value("globex-trading"));
		mvc.perform(get("/api/feedback/v1/responses").param("kind", "stars").with(as(READER)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fieldCodes.kind").value("field.unknown-choice"));
		mvc.perform(get("/api/feedback/v1/responses").param("size", "500").with(as(READER)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fieldCodes.size").value("feedback.page-size.range"));
		mvc.perform(get("/api/feedback/v1/responses/no-such-answer").with(as(READER)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.reason").value("feedback.answer-not-found"));

		mvc.perform(get("/api/feedback/v1/customers/acme-retail/scores").with(as(READER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.latestCsat.score").value(2))
			.andExpect(jsonPath("$.latestCsat.comment").value("Waited a week for an answer"))
			.andExpect(jsonPath("$.csat.count").value(1))
			.andExpect(jsonPath("$.csat.percentBasisPoints").value(0))
			.andExpect(jsonPath("$.nps.promoters").value(1))
			.andExpect(jsonPath("$.nps.score").value(100))
			.andExpect(jsonPath("$.latestCes").doesNotExist());
		mvc.perform(get("/api/feedback/v1/customers/never-answered/scores").with(as(READER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.csat.count").value(0))
			.andExpect(jsonPath("$.csat.percentBasisPoints").doesNotExist());
	}

	@Test
	void aTokenWithoutTheScopeGetsNothingWhateverItSends() throws Exception {
		mvc.perform(post("/api/feedback/v1/responses").with(as(READER)).contentType(MediaType.APPLICATION_JSON)
			.content(CSAT_2)).andExpect(status().isForbidden());
		mvc.perform(get("/api/feedback/v1/customers/acme-retail/scores").with(as(WRITER)))
			.andExpect(status().isForbidden());
		assertThat(responses.count()).isZero();
	}
}
