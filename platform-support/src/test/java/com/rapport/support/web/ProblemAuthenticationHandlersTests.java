package com.rapport.support.web;

import com.jayway.jsonpath.JsonPath;
import com.rapport.support.test.TestMessages;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 401 and 403 from the security filters: the English words partners (and the system tests) know when the
 * request names no language, Chinese when Accept-Language asks for it, the same codes either way.
 */
class ProblemAuthenticationHandlersTests {

	@Test
	void aMissingTokenIsSaidInEnglishWhenNoLanguageIsAskedFor() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		ProblemAuthenticationHandlers.entryPoint(TestMessages.source())
			.commence(new MockHttpServletRequest(), response, new BadCredentialsException("no token"));
		String body = response.getContentAsString();
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat((String) JsonPath.read(body, "$.detail")).isEqualTo("A valid bearer token is required.");
		assertThat((String) JsonPath.read(body, "$.title")).isEqualTo("Unauthenticated");
		assertThat((String) JsonPath.read(body, "$.code")).isEqualTo("unauthenticated");
		assertThat((String) JsonPath.read(body, "$.reason")).isEqualTo("problem.token-required");
	}

	@Test
	void aRefusedTokenIsSaidInChineseWhenAskedFor() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", "zh-CN,zh;q=0.9");
		request.addPreferredLocale(java.util.Locale.SIMPLIFIED_CHINESE);
		MockHttpServletResponse response = new MockHttpServletResponse();
		ProblemAuthenticationHandlers.accessDeniedHandler(TestMessages.source())
			.handle(request, response, new AccessDeniedException("no"));
		String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat((String) JsonPath.read(body, "$.detail")).isEqualTo("您的令牌不授予此权限。");
		assertThat((String) JsonPath.read(body, "$.title")).isEqualTo("无权操作");
		assertThat((String) JsonPath.read(body, "$.code")).isEqualTo("forbidden");
		assertThat((String) JsonPath.read(body, "$.reason")).isEqualTo("problem.token-forbidden");
	}
}
