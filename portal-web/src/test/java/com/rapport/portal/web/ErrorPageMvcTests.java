package com.rapport.portal.web;

import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The servlet container's own errors (a request Tomcat or the firewall refuses) are pages in the reader's language. */
@WebMvcTest(HomeController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class ErrorPageMvcTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aRefusedRequestGetsAPageInChineseForAChineseReader() throws Exception {
		mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9").accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("无法处理此请求")))
			.andExpect(content().string(not(containsString("Whitelabel"))));
	}

	@Test
	void andInEnglishForAnyoneElse() throws Exception {
		mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE").accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This request cannot be answered")));
	}
}
