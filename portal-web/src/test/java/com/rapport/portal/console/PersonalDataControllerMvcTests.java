package com.rapport.portal.console;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.rapport.contracts.privacy.v1.ErasePersonalDataResponse;
import com.rapport.contracts.privacy.v1.ExportPersonalDataResponse;
import com.rapport.contracts.privacy.v1.Subject;
import com.rapport.portal.remote.PersonalDataClient;
import com.rapport.portal.remote.PersonalDataClient.IncompleteErasure;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.RemoteUnavailableException;
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

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(PersonalDataController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class PersonalDataControllerMvcTests {

	static final Subject ALICE = Subject.newBuilder().setOrganisationId("acme-retail").setContactId("alice-1")
		.setName("Alice Chen").setEmail("alice@acme.example").setUsername("alice.chen").build();

	static final String BASE = "/console/organisations/acme-retail/contacts/alice-1";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PersonalDataClient personalData;

	@Test
	void anAdminDownloadsOneJsonDocumentWithEveryServicesPart() throws Exception {
		given(personalData.subject("acme-retail", "alice-1")).willReturn(ALICE);
		given(personalData.export(ALICE)).willReturn(List.of(
				export("customer-service", "{\"contacts\":[{\"contact\":{\"email\":\"alice@acme.example\"}}]}"),
				export("order-tracking-service", "{}")));

		var response = mvc.perform(get(BASE + "/personal-data").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"personal-data-alice-1.json\""))
			.andReturn().getResponse();

		String json = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(JsonPath.<String>read(json, "$.subject.email")).isEqualTo("alice@acme.example");
		assertThat(JsonPath.<String>read(json, "$.services['customer-service'].contacts[0].contact.email"))
			.isEqualTo("alice@acme.example");
		assertThat(JsonPath.<Object>read(json, "$.services['order-tracking-service']")).isEqualTo(java.util.Map.of());
		assertThat(JsonPath.<String>read(json, "$.exportedAt")).isNotBlank();
	}

	@Test
	void anExportWithAServiceDownIsRefusedRatherThanIncomplete() throws Exception {
		given(personalData.subject("acme-retail", "alice-1")).willReturn(ALICE);
		given(personalData.export(ALICE)).willThrow(new RemoteUnavailableException("ticket-service", null));

		mvc.perform(get(BASE + "/personal-data").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isServiceUnavailable());
	}

	@Test
	void agentsAndManagersCannotExportOrErase() throws Exception {
		for (String role : new String[] { "agent", "manager" }) {
			mvc.perform(get(BASE + "/personal-data").with(as(TestTokens.staff(role)))).andExpect(status().isForbidden());
			mvc.perform(post(BASE + "/erase").with(csrf()).with(as(TestTokens.staff(role))))
				.andExpect(status().isForbidden());
		}
		verifyNoInteractions(personalData);
	}

	@Test
	void theConfirmationPageSaysWhoAndWhereBeforeAnythingIsErased() throws Exception {
		given(personalData.subject("acme-retail", "alice-1")).willReturn(ALICE);

		Document page = page(mvc.perform(get(BASE + "/erase").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(page.select("h1").text()).contains("Alice Chen");
		assertThat(page.select(".subject-email").text()).isEqualTo("alice@acme.example");
		assertThat(page.select(".erase-services li").eachText()).containsExactlyElementsOf(PersonalDataClient.SERVICES);
		assertThat(page.select("form.erase-form").attr("method")).isEqualTo("post");
		assertThat(page.select("form.erase-form input[name=_csrf]")).hasSize(1);
		verify(personalData, org.mockito.Mockito.never()).erase(org.mockito.ArgumentMatchers.any());
	}

	@Test
	void erasingShowsWhatEachServiceDid() throws Exception {
		given(personalData.subject("acme-retail", "alice-1")).willReturn(ALICE);
		given(personalData.erase(ALICE)).willReturn(List.of(erased("order-tracking-service", 0, 2),
				erased("customer-service", 1, 3)));

		Document page = page(mvc.perform(post(BASE + "/erase").with(csrf()).with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(page.select(".erased-summary").text()).contains("Alice Chen");
		assertThat(page.select("tr[data-service=customer-service] .deleted").text()).isEqualTo("1");
		assertThat(page.select("tr[data-service=customer-service] .anonymised").text()).isEqualTo("3");
		assertThat(page.select("tr[data-service=order-tracking-service] .anonymised").text()).isEqualTo("2");
	}

	@Test
	void anErasureThatCannotReachAServiceSaysWhereItStoppedAndOffersToRunAgain() throws Exception {
		given(personalData.subject("acme-retail", "alice-1")).willReturn(ALICE);
		given(personalData.erase(ALICE)).willThrow(new IncompleteErasure("ticket-service",
				List.of(erased("order-tracking-service", 0, 1)), new RemoteUnavailableException("ticket-service", null)));

		Document page = page(mvc.perform(post(BASE + "/erase").with(csrf()).with(as(TestTokens.staff("admin"))))
			.andExpect(status().isServiceUnavailable()).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(page.select(".erase-incomplete").text()).contains("ticket-service could not be reached")
			.contains("Already erased in: order-tracking-service").contains("run the erasure again");
		assertThat(page.select("form.erase-form")).hasSize(1);
	}

	private static ExportPersonalDataResponse export(String service, String json) {
		return ExportPersonalDataResponse.newBuilder().setService(service).setJson(json).build();
	}

	private static ErasePersonalDataResponse erased(String service, int deleted, int anonymised) {
		return ErasePersonalDataResponse.newBuilder().setService(service).setRecordsDeleted(deleted)
			.setRecordsAnonymised(anonymised).build();
	}

	private static Document page(String html) {
		return Jsoup.parse(html);
	}
}
