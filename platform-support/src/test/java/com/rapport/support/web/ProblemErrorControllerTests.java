package com.rapport.support.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import com.rapport.support.test.TestMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The container's own error answers: a code, a reason, and words in the reader's language. */
class ProblemErrorControllerTests {

	private final ProblemErrorController controller = new ProblemErrorController(TestMessages.source());

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	private ProblemDetail answer(int status, Locale locale) {
		LocaleContextHolder.setLocale(locale);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
		return controller.error(request).getBody();
	}

	@Test
	void aKnownStatusIsSaidInEnglishByDefault() {
		ProblemDetail problem = answer(404, Locale.ENGLISH);
		assertThat(problem.getStatus()).isEqualTo(404);
		assertThat(problem.getTitle()).isEqualTo("Not found");
		assertThat(problem.getDetail()).isEqualTo("There is nothing at this address.");
		assertThat(problem.getProperties()).containsEntry("code", "not-found")
			.containsEntry("reason", "problem.no-such-address");
	}

	@Test
	void aChineseReaderReadsChineseWithTheSameCodes() {
		ProblemDetail problem = answer(400, Locale.SIMPLIFIED_CHINESE);
		assertThat(problem.getTitle()).isEqualTo("请求格式错误");
		assertThat(problem.getDetail()).isEqualTo("请求格式错误（地址、请求头或正文），未做任何更改。");
		assertThat(problem.getProperties()).containsEntry("code", "malformed")
			.containsEntry("reason", "problem.malformed-request");
	}

	@Test
	void anyOtherStatusSaysItsTitleAsTheDetail() {
		assertThat(answer(429, Locale.ENGLISH).getDetail()).isEqualTo("Too many requests.");
		assertThat(answer(431, Locale.CHINA).getDetail()).isEqualTo("请求头过大。");
		assertThat(answer(431, Locale.CHINA).getProperties()).containsEntry("reason", "problem.failed");
	}
}
