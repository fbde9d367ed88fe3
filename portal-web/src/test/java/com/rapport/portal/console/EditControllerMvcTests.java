package com.rapport.portal.console;

import java.util.LinkedHashMap;
import java.util.Map;

import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.ContactFields;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.OrganisationFields;
import com.rapport.contracts.customer.v1.OrganisationStatus;
import com.rapport.contracts.customer.v1.PreferredChannel;
import com.rapport.contracts.customer.v1.SizeBand;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.remote.ContactClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
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
import org.springframework.test.web.servlet.ResultActions;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(EditController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class EditControllerMvcTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CustomerClient customers;

	@MockitoBean
	ContactClient contacts;

	@Test
	void anAgentCreatesAnOrganisationAndLandsOnItsPage() throws Exception {
		given(customers.createOrganisation(eq("initech"), any())).willReturn(Organisation.newBuilder().setId("initech").build());

		agent(post("/console/new-organisation").with(csrf()).param("id", "initech").param("name", " Initech ")
			.param("country", "de").param("tags", "logistics, , berlin").param("sizeBand", "SIZE_BAND_SMALL")
			.param("status", "ORGANISATION_STATUS_ACTIVE"))
			.andExpect(redirectedUrl("/console/organisations/initech?notice=created"));

		ArgumentCaptor<OrganisationFields> fields = ArgumentCaptor.forClass(OrganisationFields.class);
		verify(customers).createOrganisation(eq("initech"), fields.capture());
		assertThat(fields.getValue().getName()).isEqualTo("Initech");
		assertThat(fields.getValue().getCountry()).isEqualTo("DE");
		assertThat(fields.getValue().getTagsList()).containsExactly("logistics", "berlin");
		assertThat(fields.getValue().getSizeBand()).isEqualTo(SizeBand.SIZE_BAND_SMALL);
	}

	@Test
	void badFieldsComeBackNamedBesideTheFieldWithWhatWasTyped() throws Exception {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("email", "an email address such as name@example.com");
		errors.put("timeZone", "an IANA time zone");
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(contacts.addContact(eq("acme-retail"), any())).willThrow(UnprocessableException.withoutCode("invalid", errors));

		Document page = page(agent(post("/console/organisations/acme-retail/contacts/new").with(csrf())
			.param("name", "Bo Zhang").param("email", "bo@").param("language", "zh-CN").param("timeZone", "Asia/Shanghai"))
			.andExpect(status().isUnprocessableContent()));

		assertThat(page.select(".field-error[data-field=email]").text())
			.isEqualTo("Check this field: an email address such as name@example.com");
		assertThat(page.select(".field-error[data-field=timeZone]")).hasSize(1);
		assertThat(page.select("input#email").val()).isEqualTo("bo@");
		assertThat(page.select("input#name").val()).isEqualTo("Bo Zhang");
		assertThat(page.select(".form-error").text()).contains("Nothing was changed");
	}

	@Test
	void aChineseReaderSeesTheServicesCodedRefusalInChinese() throws Exception {
		Map<String, Message> errors = new LinkedHashMap<>();
		errors.put("name", Message.of("field.too-long", 200));
		errors.put("email", Message.of("field.email"));
		given(customers.organisation("acme-retail")).willReturn(acme());
		given(contacts.addContact(eq("acme-retail"), any()))
			.willThrow(new UnprocessableException(Message.of("problem.invalid-fields"), errors));

		Document page = page(agent(post("/console/organisations/acme-retail/contacts/new").with(csrf())
			.header("Accept-Language", "zh-CN").param("name", "Bo Zhang").param("email", "bo@")
			.param("language", "zh-CN").param("timeZone", "Asia/Shanghai"))
			.andExpect(status().isUnprocessableContent()));

		assertThat(page.select(".field-error[data-field=name]").text()).isEqualTo("请检查此字段：最多 200 个字符");
		assertThat(page.select(".field-error[data-field=email]").text()).isEqualTo("请检查此字段：不是有效的电子邮件地址");
		assertThat(page.select(".field-error").text()).doesNotContainPattern("[A-Za-z]{3,}");
	}

	@Test
	void theEditFormCarriesTheVersionReadAndAnEditThatLostIsSaidSo() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		Document form = page(agent(get("/console/organisations/acme-retail/edit")).andExpect(status().isOk()));
		assertThat(form.select("input[name=version]").val()).isEqualTo("7");
		assertThat(form.select("input#name").val()).isEqualTo("Acme Retail");
		assertThat(form.select("input#tags").val()).isEqualTo("strategic, apparel");
		assertThat(form.select("select#sizeBand option[selected]").val()).isEqualTo("SIZE_BAND_LARGE");

		given(customers.updateOrganisation(eq("acme-retail"), any(), anyLong()))
			.willThrow(ConflictException.withoutCode("changed meanwhile"));
		Document lost = page(agent(post("/console/organisations/acme-retail/edit").with(csrf()).param("version", "7")
			.param("name", "Acme Retail Group").param("country", "CN")).andExpect(status().isConflict()));
		assertThat(lost.select(".form-error").text()).startsWith("Someone else saved this organisation");
		assertThat(lost.select("input#name").val()).isEqualTo("Acme Retail Group");
		verify(customers).updateOrganisation(eq("acme-retail"), any(), eq(7L));
	}

	@Test
	void theContactFormIsFilledWithTheContactAndSavingReturnsToTheOrganisation() throws Exception {
		given(customers.organisation("acme-retail")).willReturn(acme());
		Document form = page(agent(get("/console/organisations/acme-retail/contacts/c-1/edit")).andExpect(status().isOk()));
		assertThat(form.select("input#email").val()).isEqualTo("alice@acme.example");
		assertThat(form.select("select#timeZone option[selected]").val()).isEqualTo("Asia/Shanghai");
		assertThat(form.select("select#preferredChannel option[selected]").val()).isEqualTo("PREFERRED_CHANNEL_PORTAL");

		given(contacts.updateContact(eq("acme-retail"), eq("c-1"), any())).willReturn(Contact.getDefaultInstance());
		agent(post("/console/organisations/acme-retail/contacts/c-1/edit").with(csrf()).param("name", "Alice Chen")
			.param("email", "alice.chen@acme.example").param("language", "en").param("timeZone", "Europe/Berlin")
			.param("preferredChannel", "PREFERRED_CHANNEL_EMAIL"))
			.andExpect(redirectedUrl("/console/organisations/acme-retail?notice=contact-saved"));
		ArgumentCaptor<ContactFields> fields = ArgumentCaptor.forClass(ContactFields.class);
		verify(contacts).updateContact(eq("acme-retail"), eq("c-1"), fields.capture());
		assertThat(fields.getValue().getPreferredChannel()).isEqualTo(PreferredChannel.PREFERRED_CHANNEL_EMAIL);
		assertThat(fields.getValue().getJobTitle()).as("an emptied field is cleared").isEmpty();
	}

	@Test
	void customersCannotEdit() throws Exception {
		mvc.perform(post("/console/new-organisation").with(csrf()).param("name", "Evil")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
		verifyNoInteractions(customers);
	}

	private ResultActions agent(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return mvc.perform(request.with(as(TestTokens.staff("agent"))));
	}

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static Organisation acme() {
		return Organisation.newBuilder().setId("acme-retail").setName("Acme Retail").setCountry("CN")
			.setSizeBand(SizeBand.SIZE_BAND_LARGE).addTags("strategic").addTags("apparel")
			.setStatus(OrganisationStatus.ORGANISATION_STATUS_ACTIVE).setVersion(7)
			.addContacts(Contact.newBuilder().setId("c-1").setName("Alice Chen").setEmail("alice@acme.example")
				.setLanguage("zh-CN").setTimeZone("Asia/Shanghai")
				.setPreferredChannel(PreferredChannel.PREFERRED_CHANNEL_PORTAL))
			.build();
	}
}
