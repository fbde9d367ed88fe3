package com.rapport.benchmarks.feedback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackTests {

	@Test
	void postedAnswersAskForNoFollowUpTicketAndGoRoundTheSurveysAndTheDemoOrganisations() {
		Set<String> organisations = new HashSet<>();
		Set<String> kinds = new HashSet<>();
		for (int i = 0; i < 60; i++) {
			Map<String, Object> body = Feedback.body("bench-post-T-" + i, i);
			String kind = (String) body.get("kind");
			int score = (Integer) body.get("score");
			// the service's default follow-up rules: a CSAT below 3, an NPS of 6 or less
			assertThat(score).isBetween(kind.equals("CSAT") ? 3 : kind.equals("NPS") ? 7 : 1, AnswerPlan.max(kind));
			assertThat(body).containsEntry("responseId", "bench-post-T-" + i).doesNotContainKey("comment");
			organisations.add((String) body.get("customerId"));
			kinds.add(kind);
		}
		assertThat(organisations).containsExactlyInAnyOrderElementsOf(AnswerPlan.DEMO_ORGANISATIONS);
		assertThat(kinds).containsExactlyInAnyOrder("CSAT", "NPS", "CES");
	}

	@Test
	void aPostCountsWhenItStoredANewAnswerAndAReplayWhenItFoundTheStoredOne() {
		HttpResponse<String> created = answer(201, Map.of());
		HttpResponse<String> replayed = answer(201, Map.of("Idempotent-Replayed", List.of("true")));

		assertThat(Feedback.checkPost(created, false)).isNull();
		assertThat(Feedback.checkPost(replayed, false)).isEqualTo("replayed");
		assertThat(Feedback.checkPost(replayed, true)).isNull();
		assertThat(Feedback.checkPost(created, true)).isEqualTo("stored again");
		assertThat(Feedback.checkPost(answer(409, Map.of()), false)).isEqualTo("HTTP 409");
		assertThat(Feedback.checkPost(answer(429, Map.of()), true)).isEqualTo("HTTP 429");
	}

	@Test
	void aDashboardCountsOnlyWithItsFiguresAndBreakdown() {
		assertThat(Feedback.checkDashboard(page(200, """
				<h2 id="kpi-title">2026-01 to 2026-12</h2><canvas id="breakdown-chart"></canvas>"""))).isNull();
		assertThat(Feedback.checkDashboard(page(200, "<p id=\"no-organisation\">No organisation</p>")))
			.isEqualTo("no organisation");
		assertThat(Feedback.checkDashboard(page(200, "<h2 id=\"kpi-title\">x</h2>"))).isEqualTo("no breakdown");
		assertThat(Feedback.checkDashboard(page(200, "<p>Sign in</p>"))).isEqualTo("no figures");
		assertThat(Feedback.checkDashboard(page(503, ""))).isEqualTo("HTTP 503");
	}

	private static HttpResponse<String> answer(int status, Map<String, List<String>> headers) {
		return new Answer(status, HttpHeaders.of(headers, (a, b) -> true), "{}");
	}

	private static HttpResponse<String> page(int status, String body) {
		return new Answer(status, HttpHeaders.of(Map.of(), (a, b) -> true), body);
	}

	private record Answer(int statusCode, HttpHeaders headers, String body) implements HttpResponse<String> {

		@Override
		public HttpRequest request() {
			return HttpRequest.newBuilder(URI.create("http://localhost/")).build();
		}

		@Override
		public Optional<HttpResponse<String>> previousResponse() {
			return Optional.empty();
		}

		@Override
		public Optional<SSLSession> sslSession() {
			return Optional.empty();
		}

		@Override
		public URI uri() {
			return URI.create("http://localhost/");
		}

		@Override
		public HttpClient.Version version() {
			return HttpClient.Version.HTTP_1_1;
		}
	}
}
