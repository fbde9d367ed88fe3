package com.rapport.portal.console;

import java.util.List;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.audit.v1.AuditEntry;
import com.rapport.contracts.audit.v1.AuditFinding;
import com.rapport.contracts.audit.v1.ListAuditEntriesRequest;
import com.rapport.contracts.audit.v1.VerifyAuditTrailResponse;
import com.rapport.portal.remote.AuditClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AuditController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class AuditControllerMvcTests {

	/** 2026-12-01 02:30 UTC: 10:30 in Shanghai, the default zone. */
	static final Timestamp AT = Timestamp.newBuilder().setSeconds(1_796_092_200L).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AuditClient audit;

	@Test
	void anAdminSeesEveryServicesEntriesWithWhoWhatWhereAndWhen() throws Exception {
		given(audit.entries(eq(AuditClient.SERVICES), any(), eq(AuditController.PAGE))).willReturn(new AuditClient.Page(
				List.of(new AuditClient.Entry("customer-service", entry(7, "contact.updated", "admin"))), List.of(),
				false));

		Document page = page(get("/console/audit"));

		var row = page.select("tr.audit-entry").first();
		assertThat(row.attr("data-service")).isEqualTo("customer-service");
		assertThat(row.select(".actor").text()).isEqualTo("admin admin");
		assertThat(row.select(".client").text()).isEqualTo("rapport-gateway");
		assertThat(row.select(".address").text()).isEqualTo("203.0.113.9");
		assertThat(row.select(".action").text()).isEqualTo("contact.updated");
		assertThat(row.select(".record").text()).isEqualTo("contact alice-1");
		assertThat(row.select(".details").text()).isEqualTo("fields=email,phone");
		assertThat(row.select(".at").text()).contains("10:30");
		assertThat(page.select("a.older")).isEmpty();
	}

	@Test
	void filtersReachTheServicesAndDatesAreDaysInTheViewersZone() throws Exception {
		given(audit.entries(any(), any(), anyInt())).willReturn(new AuditClient.Page(List.of(), List.of(), false));

		page(get("/console/audit").param("service", "order-tracking-service").param("actor", "partner-demo")
			.param("action", "order.").param("from", "2026-12-01").param("to", "2026-12-01"));

		ArgumentCaptor<ListAuditEntriesRequest> request = ArgumentCaptor.forClass(ListAuditEntriesRequest.class);
		verify(audit).entries(eq(List.of("order-tracking-service")), request.capture(), eq(AuditController.PAGE));
		assertThat(request.getValue().getActor()).isEqualTo("partner-demo");
		assertThat(request.getValue().getAction()).isEqualTo("order.");
		// 2026-12-01 00:00 in Shanghai is 2026-11-30 16:00 UTC; "to" includes the whole day.
		assertThat(request.getValue().getFrom().getSeconds()).isEqualTo(1_796_054_400L);
		assertThat(request.getValue().getTo().getSeconds()).isEqualTo(1_796_054_400L + 86_400);
	}

	@Test
	void aServiceThatCannotBeReachedIsNamedAndTheOthersAreShown() throws Exception {
		given(audit.entries(any(), any(), anyInt())).willReturn(new AuditClient.Page(
				List.of(new AuditClient.Entry("customer-service", entry(1, "organisation.created", "agent.li"))),
				List.of("ticket-service"), true));

		Document page = page(get("/console/audit"));

		assertThat(page.select(".audit-unavailable").text()).contains("ticket-service");
		assertThat(page.select("tr.audit-entry")).hasSize(1);
		assertThat(page.select("a.older").attr("href")).contains("before=2026-12-01T02:30:00Z");
	}

	@Test
	void badDatesSaySoInsteadOfFailing() throws Exception {
		Document page = page(get("/console/audit").param("from", "yesterday"));

		assertThat(page.select(".audit-invalid")).hasSize(1);
		verifyNoInteractions(audit);
	}

	@Test
	void verificationShowsEachChainAndWhereABrokenOneBreaks() throws Exception {
		given(audit.verify("customer-service")).willReturn(VerifyAuditTrailResponse.newBuilder().setIntact(true)
			.setEntriesChecked(41).build());
		given(audit.verify("order-tracking-service")).willReturn(VerifyAuditTrailResponse.newBuilder().setIntact(false)
			.setEntriesChecked(17).setFirstBadSequence(17).setFinding(AuditFinding.AUDIT_FINDING_ENTRY_CHANGED).build());
		given(audit.verify("ticket-service")).willReturn(null);
		given(audit.verify("feedback-service")).willReturn(VerifyAuditTrailResponse.newBuilder().setIntact(true).build());

		Document page = page(get("/console/audit/verify"));

		assertThat(page.select("tr[data-service=customer-service]").hasClass("intact")).isTrue();
		assertThat(page.select("tr[data-service=customer-service] .checked").text()).isEqualTo("41");
		assertThat(page.select("tr[data-service=order-tracking-service]").hasClass("broken")).isTrue();
		assertThat(page.select("tr[data-service=order-tracking-service] .result").text())
			.isEqualTo("Broken: entry 17 was changed after it was written.");
		assertThat(page.select("tr[data-service=ticket-service] .result").text()).contains("unavailable");
	}

	@Test
	void onlyAdminsReadTheTrail() throws Exception {
		for (String token : new String[] { TestTokens.staff("agent"), TestTokens.staff("manager"),
				TestTokens.customer("acme-retail") }) {
			mvc.perform(get("/console/audit").with(as(token))).andExpect(status().isForbidden());
			mvc.perform(get("/console/audit/verify").with(as(token))).andExpect(status().isForbidden());
		}
		verifyNoInteractions(audit);
	}

	@Test
	void theHeaderOffersTheTrailToAdmins() throws Exception {
		given(audit.entries(any(), any(), anyInt())).willReturn(new AuditClient.Page(List.of(), List.of(), false));

		assertThat(page(get("/console/audit")).select("a.nav-audit").attr("href")).isEqualTo("/console/audit");
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(mvc.perform(request.with(as(TestTokens.staff("admin")))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static AuditEntry entry(long sequence, String action, String actor) {
		return AuditEntry.newBuilder().setSequence(sequence).setAt(AT).setActor(actor).addActorRoles("admin")
			.setClient("rapport-gateway").setAddress("203.0.113.9").setAction(action).setRecordType("contact")
			.setRecordId("alice-1").setOrganisationId("acme-retail").putDetails("fields", "email,phone").build();
	}
}
