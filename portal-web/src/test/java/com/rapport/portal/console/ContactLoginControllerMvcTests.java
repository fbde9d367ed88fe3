package com.rapport.portal.console;

import java.util.List;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.remote.ContactClient;
import com.rapport.portal.remote.TimelineClient;
import com.rapport.portal.remote.OrderClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.RemoteUnavailableException;
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

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ ContactLoginController.class, OrganisationController.class })
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class ContactLoginControllerMvcTests {

	static final String BASE = "/console/organisations/acme-retail/contacts/c-2";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	com.rapport.portal.remote.GrowthClient growth;

	@MockitoBean
	com.rapport.portal.remote.LoyaltyClient loyalty;

	@MockitoBean
	CustomerClient customers;

	@MockitoBean
	ContactClient contacts;

	@MockitoBean
	TimelineClient timeline;

	@MockitoBean
	OrderClient orders;

	@MockitoBean
	com.rapport.portal.remote.TicketClient tickets;

	@MockitoBean
	com.rapport.portal.remote.FeedbackClient feedback;

	@org.junit.jupiter.api.BeforeEach
	void theOrganisationPagesOtherPartsAnswerEmpty() {
		given(timeline.timeline(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
				org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.any()))
			.willReturn(com.rapport.contracts.customer.v1.ListInteractionsResponse.getDefaultInstance());
	}

	@Test
	void anAdminInvitesAContactAndComesBackToTheOrganisationWithANotice() throws Exception {
		given(contacts.inviteContact("acme-retail", "c-2")).willReturn(Contact.newBuilder().setId("c-2")
			.setHasLogin(true).setInvitedAt(at()).setInvitationMailedAt(at()).build());

		mvc.perform(post(BASE + "/invite").with(csrf()).with(as(TestTokens.staff("admin"))))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/console/organisations/acme-retail?notice=invited&contact=c-2"));
	}

	@Test
	void anInvitationWhoseMailWasNotSentSaysSo() throws Exception {
		given(contacts.inviteContact("acme-retail", "c-2")).willReturn(Contact.newBuilder().setId("c-2")
			.setHasLogin(true).setInvitedAt(at()).build());

		mvc.perform(post(BASE + "/invite").with(csrf()).with(as(TestTokens.staff("admin"))))
			.andExpect(redirectedUrl("/console/organisations/acme-retail?notice=invited-not-mailed&contact=c-2"));
	}

	@Test
	void aRefusalOrAnUnreachableKeycloakComesBackAsANoticeNotAnErrorPage() throws Exception {
		given(contacts.inviteContact("acme-retail", "c-2"))
			.willThrow(ConflictException.withoutCode("already has a portal login"));
		given(contacts.resendInvitation("acme-retail", "c-2"))
			.willThrow(new RemoteUnavailableException("customer-service", null));

		mvc.perform(post(BASE + "/invite").with(csrf()).with(as(TestTokens.staff("admin"))))
			.andExpect(redirectedUrl("/console/organisations/acme-retail?notice=refused&contact=c-2"));
		mvc.perform(post(BASE + "/resend-invitation").with(csrf()).with(as(TestTokens.staff("admin"))))
			.andExpect(redirectedUrl("/console/organisations/acme-retail?notice=unavailable&contact=c-2"));
	}

	@Test
	void removingAsksFirstThenRemoves() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());

		Document confirm = Jsoup.parse(mvc.perform(get(BASE + "/remove").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(confirm.select("h1").text()).isEqualTo("Remove Bo Zhang from Acme Retail");
		assertThat(confirm.select("form.remove-form").attr("action")).isEqualTo(BASE + "/remove");

		mvc.perform(post(BASE + "/remove").with(csrf()).with(as(TestTokens.staff("admin"))))
			.andExpect(redirectedUrl("/console/organisations/acme-retail?notice=removed&contact=c-2"));
		verify(contacts).removeContact("acme-retail", "c-2");
	}

	@Test
	void agentsAndManagersCannotChangeLogins() throws Exception {
		for (String role : new String[] { "agent", "manager" }) {
			mvc.perform(post(BASE + "/invite").with(csrf()).with(as(TestTokens.staff(role))))
				.andExpect(status().isForbidden());
			mvc.perform(post(BASE + "/remove").with(csrf()).with(as(TestTokens.staff(role))))
				.andExpect(status().isForbidden());
		}
		verifyNoInteractions(customers);
	}

	@Test
	void theOrganisationPageShowsEachLoginAndOffersAdminsWhatFits() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(orders.ordersOf("acme-retail", OrganisationController.ORDERS)).willReturn(List.of());

		Document page = Jsoup.parse(mvc.perform(get("/console/organisations/acme-retail").param("notice", "invited")
			.with(as(TestTokens.staff("admin")))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());

		assertThat(page.select(".login-notice").text()).startsWith("Invitation sent");
		var linked = page.select("tr[data-contact-id=c-1]");
		var invitable = page.select("tr[data-contact-id=c-2]");
		var noEmail = page.select("tr[data-contact-id=c-3]");
		assertThat(linked.select(".login-state").text()).isEqualTo("Yes");
		assertThat(linked.select("form.invite-form")).isEmpty();
		assertThat(invitable.select(".login-state").text()).isEqualTo("None");
		assertThat(invitable.select("form.invite-form").attr("action")).isEqualTo(BASE + "/invite");
		assertThat(invitable.select("form.invite-form input[name=_csrf]")).hasSize(1);
		assertThat(noEmail.select("form.invite-form")).as("nothing to mail the invitation to").isEmpty();
		assertThat(page.select("tr[data-contact-id=c-4] .login-state").text())
			.isEqualTo("Invited, but the mail was not sent");
		assertThat(page.select("tr[data-contact-id=c-4] form.resend-form")).hasSize(1);
	}

	@Test
	void agentsSeeLoginsButNoActionsAndForgedNoticesAreIgnored() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(orders.ordersOf("acme-retail", OrganisationController.ORDERS)).willReturn(List.of());

		Document page = Jsoup.parse(mvc.perform(get("/console/organisations/acme-retail")
			.param("notice", "<script>alert(1)</script>").with(as(TestTokens.staff("agent")))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());

		assertThat(page.select(".login-notice")).isEmpty();
		assertThat(page.select("tr[data-contact-id=c-1] .login-state").text()).isEqualTo("Yes");
		assertThat(page.select("form.invite-form, form.resend-form, a.remove-link")).isEmpty();
	}

	private static Timestamp at() {
		return Timestamp.newBuilder().setSeconds(1_796_092_200L).build();
	}

	private static Organisation acme() {
		return Organisation.newBuilder().setId("acme-retail").setName("Acme Retail").setCountry("CN")
			.addContacts(Contact.newBuilder().setId("c-1").setName("Alice Chen").setEmail("alice@acme.example")
				.setHasLogin(true))
			.addContacts(Contact.newBuilder().setId("c-2").setName("Bo Zhang").setEmail("bo@acme.example"))
			.addContacts(Contact.newBuilder().setId("c-3").setName("Wei Lin").setPhone("+86 21 5555 0102"))
			.addContacts(Contact.newBuilder().setId("c-4").setName("Dan Wu").setEmail("dan@acme.example")
				.setHasLogin(true).setInvitedAt(at()))
			.build();
	}
}
