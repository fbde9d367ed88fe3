package com.rapport.portal.portal;

import java.util.List;
import java.util.Map;

import com.rapport.contracts.ordertracking.v1.NotificationPreferences;
import com.rapport.contracts.ordertracking.v1.NotificationTopic;
import com.rapport.contracts.ordertracking.v1.UpdateMyNotificationPreferencesRequest;
import com.rapport.portal.remote.InboxClient;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The contact's notification settings page (parsed as HTML): its current choices, saving, and each refusal named. */
@WebMvcTest(NotificationSettingsController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class NotificationSettingsControllerMvcTests {

	static final String ALICE = TestTokens.customer("acme-retail");

	static final NotificationPreferences DEFAULTS = NotificationPreferences.newBuilder()
		.addAllTopics(List.of(NotificationTopic.NOTIFICATION_TOPIC_PROGRESS, NotificationTopic.NOTIFICATION_TOPIC_SHIPPED,
				NotificationTopic.NOTIFICATION_TOPIC_DELIVERED, NotificationTopic.NOTIFICATION_TOPIC_DELAYS,
				NotificationTopic.NOTIFICATION_TOPIC_CANCELLED, NotificationTopic.NOTIFICATION_TOPIC_INCIDENTS))
		.setEmail(true).setTimeZone("Asia/Shanghai").setEmailAddress("alice.chen@acme-retail.example").build();

	static final NotificationPreferences CHOSEN = NotificationPreferences.newBuilder()
		.addTopics(NotificationTopic.NOTIFICATION_TOPIC_SHIPPED).addTopics(NotificationTopic.NOTIFICATION_TOPIC_DELAYS)
		.setEmail(false).setQuietHours(true).setQuietFrom("22:00").setQuietUntil("07:30").setCustomised(true)
		.setTimeZone("Europe/Berlin").setEmailAddress("alice.chen@acme-retail.example").build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	InboxClient inbox;

	private static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@Test
	void aContactWhoNeverChoseSeesTheDefaultsSaidAsSuch() throws Exception {
		given(inbox.preferences()).willReturn(DEFAULTS);
		Document page = page(mvc.perform(get("/portal/notification-settings").cookie(new Cookie("XSRF-TOKEN", "t0k3n"))
			.with(as(ALICE))).andExpect(status().isOk()).andReturn());

		assertThat(page.select("#defaults").text()).startsWith("You have not chosen yet");
		assertThat(page.select("input[name=topics][checked]").eachAttr("value")).containsExactly("PROGRESS",
				"SHIPPED", "DELIVERED", "DELAYS", "CANCELLED", "INCIDENTS");
		assertThat(page.select("input[name=email]").hasAttr("checked")).isTrue();
		assertThat(page.select("#channels").text()).contains("Email to alice.chen@acme-retail.example",
				"SMS (not available: we have no phone number of yours)");
		assertThat(page.select("input[name=sms]").hasAttr("disabled")).isTrue();
		assertThat(page.select("input[name=quietHours]").hasAttr("checked")).isFalse();
		assertThat(page.select("#quiet-zone").text()).isEqualTo("In your time zone, Asia/Shanghai.");
		assertThat(page.select("input[name=_csrf]").val()).isEqualTo("t0k3n");
	}

	@Test
	void aContactsChoicesAreShownInChinese() throws Exception {
		given(inbox.preferences()).willReturn(CHOSEN);
		Document page = page(mvc.perform(get("/portal/notification-settings").param("lang", "zh-CN").with(as(ALICE)))
			.andExpect(status().isOk()).andReturn());
		assertThat(page.select("h1").text()).isEqualTo("通知设置");
		assertThat(page.select("#defaults")).isEmpty();
		assertThat(page.select("input[name=topics][checked]").eachAttr("value")).containsExactly("SHIPPED", "DELAYS");
		assertThat(page.select("input[name=email]").hasAttr("checked")).isFalse();
		assertThat(page.select("input[name=quietHours]").hasAttr("checked")).isTrue();
		assertThat(page.select("#quietFrom").val()).isEqualTo("22:00");
		assertThat(page.select("#quietUntil").val()).isEqualTo("07:30");
		assertThat(page.select("#quiet-zone").text()).isEqualTo("按您的时区 Europe/Berlin。");
	}

	@Test
	void savingSendsExactlyTheChoices() throws Exception {
		given(inbox.updatePreferences(any())).willReturn(CHOSEN);
		mvc.perform(post("/portal/notification-settings").with(as(ALICE)).param("topics", "SHIPPED", "DELAYS")
			.param("quietHours", "true").param("quietFrom", "22:00").param("quietUntil", "07:30"))
			.andExpect(redirectedUrl("/portal/notification-settings?saved"));

		ArgumentCaptor<UpdateMyNotificationPreferencesRequest> sent = ArgumentCaptor
			.forClass(UpdateMyNotificationPreferencesRequest.class);
		verify(inbox).updatePreferences(sent.capture());
		assertThat(sent.getValue()).isEqualTo(UpdateMyNotificationPreferencesRequest.newBuilder()
			.addTopics(NotificationTopic.NOTIFICATION_TOPIC_SHIPPED).addTopics(NotificationTopic.NOTIFICATION_TOPIC_DELAYS)
			.setEmail(false).setQuietHours(true).setQuietFrom("22:00").setQuietUntil("07:30").build());
	}

	@Test
	void aContactWithAPhoneNumberChoosesSmsAndItIsSent() throws Exception {
		NotificationPreferences smsToo = DEFAULTS.toBuilder().setEmail(false).setSms(true).setSmsAvailable(true).build();
		given(inbox.preferences()).willReturn(smsToo);
		Document page = page(mvc.perform(get("/portal/notification-settings").with(as(ALICE)))
			.andExpect(status().isOk()).andReturn());
		assertThat(page.select("input[name=sms]").hasAttr("disabled")).isFalse();
		assertThat(page.select("input[name=sms]").hasAttr("checked")).isTrue();
		assertThat(page.select("#channels").text()).contains("SMS to your phone number");

		given(inbox.updatePreferences(any())).willReturn(smsToo);
		mvc.perform(post("/portal/notification-settings").with(as(ALICE)).param("topics", "SHIPPED").param("sms", "true"))
			.andExpect(redirectedUrl("/portal/notification-settings?saved"));
		ArgumentCaptor<UpdateMyNotificationPreferencesRequest> sent = ArgumentCaptor
			.forClass(UpdateMyNotificationPreferencesRequest.class);
		verify(inbox).updatePreferences(sent.capture());
		assertThat(sent.getValue().getSms()).isTrue();
		assertThat(sent.getValue().getEmail()).isFalse();
	}

	@Test
	void badChoicesAreNamedFieldByFieldAndNothingIsSent() throws Exception {
		given(inbox.preferences()).willReturn(DEFAULTS);
		Document page = page(mvc.perform(post("/portal/notification-settings").with(as(ALICE))
			.param("topics", "SHIPPED", "WEATHER").param("sms", "true").param("quietHours", "true")
			.param("quietFrom", "25:00").param("quietUntil", "late"))
			.andExpect(status().isUnprocessableContent()).andReturn());

		assertThat(page.select(".field-error").eachText()).containsExactly("Choose from the list.",
				"SMS cannot reach you: we have no phone number of yours.", "Give a time of day such as 22:00.", "Give a time of day such as 22:00.");
		// What was sent back is kept on the form.
		assertThat(page.select("#quietFrom").val()).isEqualTo("25:00");
		assertThat(page.select("input[name=topics][value=SHIPPED]").hasAttr("checked")).isTrue();
		verify(inbox, never()).updatePreferences(any());

		Document same = page(mvc.perform(post("/portal/notification-settings").with(as(ALICE))
			.param("quietHours", "true").param("quietFrom", "22:00").param("quietUntil", "22:00"))
			.andExpect(status().isUnprocessableContent()).andReturn());
		assertThat(same.select("#quietUntil-error").text())
			.isEqualTo("The quiet hours must end at another time than they start.");
		verify(inbox, never()).updatePreferences(any());
	}

	@Test
	void aRefusalByTheServiceIsSaidOnTheForm() throws Exception {
		given(inbox.preferences()).willReturn(DEFAULTS);
		given(inbox.updatePreferences(any())).willThrow(UnprocessableException.withoutCode("quiet_from", Map.of()));
		Document page = page(mvc.perform(post("/portal/notification-settings").with(as(ALICE))
			.param("topics", "SHIPPED").param("email", "true"))
			.andExpect(status().isUnprocessableContent()).andReturn());
		assertThat(page.select(".notice.error").text()).contains("could not be saved");
	}

	@Test
	void staffHaveNoNotificationSettings() throws Exception {
		mvc.perform(get("/portal/notification-settings").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isForbidden());
		verify(inbox, never()).preferences();
	}
}
