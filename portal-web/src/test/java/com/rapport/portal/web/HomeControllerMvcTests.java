package com.rapport.portal.web;

import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(HomeController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class HomeControllerMvcTests {

	@Autowired
	MockMvc mvc;

	@Test
	void customerIsSentToThePortal() throws Exception {
		mvc.perform(get("/").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/portal"));
	}

	@Test
	void staffAreSentToTheConsole() throws Exception {
		for (String role : new String[] { "agent", "manager", "admin" }) {
			mvc.perform(get("/").with(as(TestTokens.staff(role))))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/console"));
		}
	}

	@Test
	void withoutATokenTheAnswerIs401() throws Exception {
		mvc.perform(get("/")).andExpect(status().isUnauthorized());
	}
}
