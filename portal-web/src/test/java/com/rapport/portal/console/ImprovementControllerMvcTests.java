package com.rapport.portal.console;

import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.feedback.v1.Improvement;
import com.rapport.portal.remote.ImprovementClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console's "You said, we did": staff read, managers record (the HTML parsed); feedback-service stood in for. */
@WebMvcTest(ImprovementController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class ImprovementControllerMvcTests {

	static final Improvement OWN = Improvement.newBuilder().setId("imp-1").setCustomerId("acme-retail")
		.setYouSaid("Pallets arrive unlabelled").setWeDid("Every pallet now carries its order number")
		.setRecordedBy("manager.wang").setRecordedAt(Timestamp.newBuilder().setSeconds(1_764_500_000L)).build();

	static final Improvement EVERYONE = OWN.toBuilder().setId("imp-2").setCustomerId("").build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ImprovementClient improvements;

	private static Document page(ResultActions actions) throws Exception {
		return Jsoup.parse(actions.andReturn().getResponse().getContentAsString());
	}

	@Test
	void anAgentReadsTheListButHasNoFormAndAManagerHasOneWithAFreshId() throws Exception {
		given(improvements.list("")).willReturn(List.of(OWN, EVERYONE));
		Document agent = page(mvc.perform(get("/console/improvements").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()));
		Document manager = page(mvc.perform(get("/console/improvements").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk()));

		assertThat(agent.select("tr.improvement-row")).hasSize(2);
		assertThat(agent.select("tr.improvement-row[data-id=imp-2] td").get(1).text()).isEqualTo("for all our customers");
		assertThat(agent.select("form.improvement-form")).isEmpty();
		assertThat(manager.select("form.improvement-form input[name=id]").val()).hasSize(36);
	}

	@Test
	void aManagerRecordsOneAndIsToldSo() throws Exception {
		mvc.perform(post("/console/improvements").with(as(TestTokens.staff("manager"))).param("id", "form-1")
			.param("customerId", "acme-retail").param("youSaid", "Slow answers").param("weDid", "A second shift"))
			.andExpect(redirectedUrl("/console/improvements?saved"));

		verify(improvements).record("form-1", "acme-retail", "Slow answers", "A second shift");
	}

	@Test
	void aRefusedOneKeepsWhatWasTypedAndMarksTheField() throws Exception {
		given(improvements.list("")).willReturn(List.of());
		given(improvements.record("form-2", "", "", "A second shift"))
			.willThrow(new UnprocessableException(Message.of("feedback.improvement-invalid"),
					Map.of("youSaid", Message.of("field.required"))));
		Document page = page(mvc.perform(post("/console/improvements").with(as(TestTokens.staff("manager")))
			.param("id", "form-2").param("weDid", "A second shift")).andExpect(status().isUnprocessableContent()));

		assertThat(page.select("#notice.error").text()).startsWith("The improvement could not be recorded");
		assertThat(page.select("#youSaid").hasClass("invalid")).isTrue();
		assertThat(page.select("#weDid").text()).isEqualTo("A second shift");
	}

	@Test
	void agentsDoNotRecordAndCustomersHaveNoConsolePage() throws Exception {
		mvc.perform(post("/console/improvements").with(as(TestTokens.staff("agent"))).param("youSaid", "x")
			.param("weDid", "y")).andExpect(status().isForbidden());
		mvc.perform(get("/console/improvements").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		verify(improvements, never()).record(anyString(), anyString(), anyString(), anyString());
		verify(improvements, never()).list(any());
	}
}
