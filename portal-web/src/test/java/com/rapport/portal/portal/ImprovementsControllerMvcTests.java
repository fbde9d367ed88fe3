package com.rapport.portal.portal;

import java.util.List;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.feedback.v1.Improvement;
import com.rapport.portal.remote.ImprovementClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.FixedClock;
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

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The portal's "You said, we did" as a contact reads it (the HTML parsed); feedback-service stood in for. */
@WebMvcTest(ImprovementsController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class ImprovementsControllerMvcTests {

	static final Improvement OWN = Improvement.newBuilder().setId("imp-1").setCustomerId("acme-retail")
		.setYouSaid("Pallets arrive unlabelled").setWeDid("Every pallet now carries its order number")
		.setRecordedBy("manager.wang").setRecordedAt(Timestamp.newBuilder().setSeconds(FixedClock.NOW.getEpochSecond()))
		.build();

	static final Improvement EVERYONE = OWN.toBuilder().setId("imp-2").setCustomerId("")
		.setYouSaid("Tracking links come late").setWeDid("The link is in the shipping mail").build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ImprovementClient improvements;

	@Test
	void aContactReadsWhatWasChangedForItsOrganisationAndForEveryone() throws Exception {
		given(improvements.list(null)).willReturn(List.of(OWN, EVERYONE));
		Document page = Jsoup.parse(mvc.perform(get("/portal/improvements")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());

		assertThat(page.select("h1").text()).isEqualTo("You said, we did");
		assertThat(page.select(".topbar .nav-improvements").attr("href")).isEqualTo("/portal/improvements");
		assertThat(page.select("#improvement-imp-1 .you-said").text()).isEqualTo("You said Pallets arrive unlabelled");
		assertThat(page.select("#improvement-imp-1 .we-did").text()).contains("Every pallet now carries its order number");
		assertThat(page.select("#improvement-imp-1 .improvement-scope")).isEmpty();
		assertThat(page.select("#improvement-imp-2 .improvement-scope").text()).isEqualTo("for all our customers");
	}

	@Test
	void withNothingRecordedThePageSaysSoInChinese() throws Exception {
		given(improvements.list(null)).willReturn(List.of());
		Document page = Jsoup.parse(mvc.perform(get("/portal/improvements").param("lang", "zh-CN")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());

		assertThat(page.select("h1").text()).isEqualTo("您的意见与我们的改进");
		assertThat(page.select("#no-improvements").text()).isEqualTo("暂无记录。");
	}

	@Test
	void staffHaveNoPortalPage() throws Exception {
		mvc.perform(get("/portal/improvements").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		verify(improvements, never()).list(any());
	}
}
