package com.rapport.portal.portal;

import java.util.Map;

import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.PreferredChannel;
import com.rapport.contracts.customer.v1.UpdateMyPreferencesRequest;
import com.rapport.portal.remote.ContactClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import jakarta.servlet.http.Cookie;
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
import org.springframework.test.web.servlet.MvcResult;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ProfileController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class ProfileControllerMvcTests {

	static final Contact ALICE = Contact.newBuilder().setName("Alice Chen").setLanguage("zh-CN")
		.setTimeZone("Asia/Shanghai").setPreferredChannel(PreferredChannel.PREFERRED_CHANNEL_SMS)
		.setMarketingConsent(true).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ContactClient contacts;

	private static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@Test
	void theFormShowsTheContactsCurrentChoicesAndCarriesTheCsrfToken() throws Exception {
		given(contacts.myContact()).willReturn(ALICE);
		Document page = page(mvc.perform(get("/portal/profile").cookie(new Cookie("XSRF-TOKEN", "t0k3n"))
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()).andReturn());

		assertThat(page.select("#language option[selected]").val()).isEqualTo("zh-CN");
		assertThat(page.select("#timeZone option[selected]").val()).isEqualTo("Asia/Shanghai");
		assertThat(page.select("input[name=channel][checked]").val()).isEqualTo("SMS");
		assertThat(page.select("input[name=marketing]").hasAttr("checked")).isTrue();
		assertThat(page.select("input[name=surveys]").hasAttr("checked")).isFalse();
		assertThat(page.select("input[name=_csrf]").val()).isEqualTo("t0k3n");
	}

	@Test
	void savingSendsOnlyThePreferencesAndThePortalSwitchesToTheChosenLanguage() throws Exception {
		given(contacts.updateMyPreferences(any())).willReturn(ALICE);
		mvc.perform(post("/portal/profile").with(as(TestTokens.customer("acme-retail")))
			.param("language", "en").param("timeZone", "Europe/Berlin").param("channel", "PORTAL")
			.param("surveys", "true"))
			.andExpect(redirectedUrl("/portal/profile?saved"))
			.andExpect(cookie().value("rapport-lang", "en"));

		ArgumentCaptor<UpdateMyPreferencesRequest> sent = ArgumentCaptor.forClass(UpdateMyPreferencesRequest.class);
		verify(contacts).updateMyPreferences(sent.capture());
		assertThat(sent.getValue()).isEqualTo(UpdateMyPreferencesRequest.newBuilder().setLanguage("en")
			.setTimeZone("Europe/Berlin").setPreferredChannel(PreferredChannel.PREFERRED_CHANNEL_PORTAL)
			.setMarketingConsent(false).setSurveyConsent(true).setReorderReminderConsent(false).build());
	}

	@Test
	void theContactTurnsReorderRemindersOnAndSeesThemOn() throws Exception {
		given(contacts.myContact()).willReturn(ALICE.toBuilder().setReorderReminderConsent(true).build());
		Document page = page(mvc.perform(get("/portal/profile").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk()).andReturn());
		assertThat(page.select("input[name=reorderReminders]").hasAttr("checked")).isTrue();
		assertThat(page.select("input[name=reorderReminders]").parents().first().text())
			.isEqualTo("A reminder by email when a product we order regularly is due again");

		given(contacts.updateMyPreferences(any())).willReturn(ALICE);
		mvc.perform(post("/portal/profile").with(as(TestTokens.customer("acme-retail")))
			.param("language", "zh-CN").param("timeZone", "Asia/Shanghai").param("channel", "EMAIL")
			.param("reorderReminders", "true"))
			.andExpect(redirectedUrl("/portal/profile?saved"));
		ArgumentCaptor<UpdateMyPreferencesRequest> sent = ArgumentCaptor.forClass(UpdateMyPreferencesRequest.class);
		verify(contacts).updateMyPreferences(sent.capture());
		assertThat(sent.getValue().hasReorderReminderConsent()).isTrue();
		assertThat(sent.getValue().getReorderReminderConsent()).isTrue();
	}

	@Test
	void badChoicesAreNamedAndNothingIsSent() throws Exception {
		given(contacts.myContact()).willReturn(ALICE);
		Document page = page(mvc.perform(post("/portal/profile").with(as(TestTokens.customer("acme-retail")))
			.param("language", "fr").param("timeZone", "Mars/Olympus").param("channel", "PIGEON"))
			.andExpect(status().isUnprocessableContent()).andReturn());

		assertThat(page.select(".field-error").eachText()).containsExactly("Choose English or Simplified Chinese.",
				"Choose a time zone from the list.", "Choose how we should reach you.");
		verify(contacts, never()).updateMyPreferences(any());
	}

	@Test
	void aRefusalByCustomerServiceIsSaidOnTheForm() throws Exception {
		given(contacts.myContact()).willReturn(ALICE);
		given(contacts.updateMyPreferences(any())).willThrow(UnprocessableException.withoutCode("timeZone", Map.of()));
		Document page = page(mvc.perform(post("/portal/profile").with(as(TestTokens.customer("acme-retail")))
			.param("language", "en").param("timeZone", "Europe/Berlin").param("channel", "EMAIL"))
			.andExpect(status().isUnprocessableContent()).andReturn());
		assertThat(page.select(".notice.error").text()).contains("could not be saved");
	}

	@Test
	void staffHaveNoPortalProfile() throws Exception {
		mvc.perform(get("/portal/profile").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		verify(contacts, never()).myContact();
	}
}
