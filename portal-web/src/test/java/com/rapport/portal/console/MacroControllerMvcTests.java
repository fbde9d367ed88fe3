package com.rapport.portal.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.rapport.contracts.ticket.v1.Macro;
import com.rapport.portal.remote.MacroClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.portal.web.TicketPages;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(MacroController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import({ PageTestConfiguration.class, TicketPages.class })
class MacroControllerMvcTests {

	static final Macro APOLOGY = Macro.newBuilder().setId("m-1").setName("Apology")
		.setBodyEn("Dear {{contact_name}}, <b>sorry</b>").setBodyZh("{{contact_name}}，您好").build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MacroClient macros;

	@Test
	void staffReadTheMacrosInBothLanguagesAndOnlyManagersMayChangeThem() throws Exception {
		given(macros.macros()).willReturn(List.of(APOLOGY));

		Document agent = page(by("agent", get("/console/macros")).andExpect(status().isOk()));
		Document manager = page(by("manager", get("/console/macros").param("lang", "zh-CN")));

		assertThat(agent.select(".topbar .nav-macros").attr("href")).isEqualTo("/console/macros");
		assertThat(agent.select("tr.macro[data-macro=m-1] .macro-en").text()).isEqualTo("Dear {{contact_name}}, <b>sorry</b>");
		assertThat(agent.select("tr.macro b")).as("shown as text").isEmpty();
		assertThat(agent.select("a.edit-macro, button.delete-macro, a.new-macro")).isEmpty();
		assertThat(agent.select("table.macros").hasClass("stacked")).isTrue();
		assertThat(manager.select("h1").text()).isEqualTo("快捷回复");
		assertThat(manager.select("a.edit-macro").attr("href")).isEqualTo("/console/macros/m-1");
		assertThat(manager.select("tr.macro form").attr("action")).isEqualTo("/console/macros/m-1/delete");
	}

	@Test
	void aManagerSavesAMacroAndARefusalShowsEachFieldsErrorWithWhatWasTyped() throws Exception {
		given(macros.macros()).willReturn(List.of(APOLOGY));
		Document form = page(by("manager", get("/console/macros/m-1")).andExpect(status().isOk()));
		assertThat(form.select("input[name=id]").val()).isEqualTo("m-1");
		assertThat(form.select("textarea#bodyZh").text()).isEqualTo("{{contact_name}}，您好");

		by("manager", post("/console/macros").param("id", "m-1").param("name", "Apology").param("bodyEn", "Hi")
			.param("bodyZh", "您好")).andExpect(redirectedUrl("/console/macros?notice=saved"));
		verify(macros).save(Macro.newBuilder().setId("m-1").setName("Apology").setBodyEn("Hi").setBodyZh("您好").build());

		given(macros.save(any())).willThrow(new UnprocessableException(Message.of("macro.cannot-save"),
				Map.of("bodyEn", Message.of("macro.placeholder.unknown", "customer"))));
		Document refused = page(by("manager", post("/console/macros").param("name", "New").param("bodyEn", "Hi {{customer}}")
			.param("bodyZh", "您好")).andExpect(status().isUnprocessableContent()));
		assertThat(refused.select(".notice.error").text()).isEqualTo("The macro cannot be saved.");
		assertThat(refused.select("#bodyEn + .field-error").text()).startsWith("{{customer}} is not a placeholder");
		assertThat(refused.select("textarea#bodyEn").text()).isEqualTo("Hi {{customer}}");
	}

	@Test
	void aManagerDeletesAMacro() throws Exception {
		by("manager", post("/console/macros/m-1/delete")).andExpect(redirectedUrl("/console/macros?notice=deleted"));
		verify(macros).delete("m-1");
	}

	@Test
	void agentsMayNotOpenSaveOrDeleteAMacrosForm() throws Exception {
		by("agent", get("/console/macros/new")).andExpect(status().isForbidden());
		by("agent", post("/console/macros").param("name", "x")).andExpect(status().isForbidden());
		by("agent", post("/console/macros/m-1/delete")).andExpect(status().isForbidden());
		mvc.perform(get("/console/macros").with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
		verifyNoInteractions(macros);
	}

	private ResultActions by(String role, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(TestTokens.staff(role))));
	}

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}
}
