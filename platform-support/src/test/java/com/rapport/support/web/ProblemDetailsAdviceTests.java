package com.rapport.support.web;

import java.util.Map;

import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every failure a service can meet answers as a problem document, never a stack trace. */
class ProblemDetailsAdviceTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
		.setControllerAdvice(new ProblemDetailsAdvice(com.rapport.support.test.TestMessages.source()))
		.setValidator(new org.springframework.validation.beanvalidation.LocalValidatorFactoryBean() {
			{
				afterPropertiesSet();
			}
		})
		.build();

	private ResultActions fail(String kind) throws Exception {
		return mvc.perform(get("/fail/" + kind))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void eachDomainFailureHasItsStatus() throws Exception {
		fail("not-found").andExpect(status().isNotFound()).andExpect(jsonPath("$.title").value("Not found"));
		fail("conflict").andExpect(status().isConflict());
		fail("unprocessable").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.email").value("not an email address"));
		fail("unavailable").andExpect(status().isServiceUnavailable()).andExpect(header().exists("Retry-After"));
	}

	@Test
	void aPartnerWhoAsksForNothingReadsEnglishWithAStableCodePerField() throws Exception {
		fail("coded").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("validation"))
			.andExpect(jsonPath("$.reason").value("problem.invalid-fields"))
			.andExpect(jsonPath("$.title").value("Invalid input"))
			.andExpect(jsonPath("$.detail").value("Some fields are missing or invalid."))
			.andExpect(jsonPath("$.errors.subject").value("must be at most 200 characters"))
			.andExpect(jsonPath("$.fieldCodes.subject").value("field.too-long"));
	}

	@Test
	void aReaderWhoAsksForChineseReadsChineseAndTheSameCodes() throws Exception {
		for (String language : new String[] { "zh-CN", "zh", "zh-TW,en;q=0.5" }) {
			mvc.perform(get("/fail/coded").header("Accept-Language", language))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.title").value("输入无效"))
				.andExpect(jsonPath("$.detail").value("部分字段缺失或无效。"))
				.andExpect(jsonPath("$.errors.subject").value("最多 200 个字符"))
				.andExpect(jsonPath("$.fieldCodes.subject").value("field.too-long"))
				.andExpect(jsonPath("$.code").value("validation"));
		}
		mvc.perform(post("/echo").header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"a\\u0000b\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").value("不能包含控制字符"))
			.andExpect(jsonPath("$.fieldCodes.name").value("text.control-characters"));
		mvc.perform(get("/fail/not-found").header("Accept-Language", "zh-CN"))
			.andExpect(jsonPath("$.title").value("未找到"));
		mvc.perform(delete("/echo").header("Accept-Language", "de"))
			.andExpect(jsonPath("$.title").value("Method not allowed"));
	}

	@Test
	void aConcurrentChangeTheServiceDidNotCatchIsAConflictNotAnInternalError() throws Exception {
		fail("stale").andExpect(status().isConflict());
		fail("duplicate").andExpect(status().isConflict());
	}

	@Test
	void anythingUnexpectedIsA500ProblemWithoutDetails() throws Exception {
		fail("bug").andExpect(status().isInternalServerError())
			.andExpect(content().string(not(containsString("secret internals"))));
	}

	@Test
	void unreadableJsonIs400AndFieldRulesAre422NamingEachField() throws Exception {
		mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Malformed request"));
		mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"nope\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").exists())
			.andExpect(jsonPath("$.errors.email").exists());
	}

	@Test
	void aHeaderTheFirewallRefusesIs400NotAnInternalError() throws Exception {
		fail("rejected-header").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("malformed"));
		fail("bad-form").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("malformed"));
	}

	@Test
	void everyProblemCarriesAStableCode() throws Exception {
		fail("not-found").andExpect(jsonPath("$.code").value("not-found"));
		fail("unprocessable").andExpect(jsonPath("$.code").value("validation"));
		fail("bug").andExpect(jsonPath("$.code").value("internal"));
	}

	@Test
	void springsOwnRefusalsAreProblemDocumentsWithACodeToo() throws Exception {
		mvc.perform(delete("/echo"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("method-not-allowed"))
			.andExpect(jsonPath("$.type").value("https://rapport.example/problems/method-not-allowed"));
		mvc.perform(post("/echo").contentType(MediaType.TEXT_PLAIN).content("name"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("unsupported-media-type"));
		mvc.perform(get("/page").param("page", "1e400"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("malformed"));
	}

	@Test
	void aCharsetNobodyKnowsIs415NotAnInternalError() throws Exception {
		mvc.perform(post("/echo").header("Content-Type", "application/json;charset=utf-99").content("{\"name\":\"a\"}"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("unsupported-media-type"));
	}

	@Test
	void hugeNumbersAndWrongJsonTypesAre400() throws Exception {
		mvc.perform(post("/count").contentType(MediaType.APPLICATION_JSON).content("{\"count\": 1e400}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("malformed"));
		mvc.perform(post("/count").contentType(MediaType.APPLICATION_JSON).content("{\"count\": {\"a\": 1}}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("malformed"));
	}

	@Test
	void textWithControlCharactersIs422NamingTheField() throws Exception {
		mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"a\\u0000b\", \"note\": \"line one\\nline two\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").value("must not contain control characters"))
			.andExpect(jsonPath("$.errors.note").doesNotExist());
		mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"a\\r\\nb\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").value("must be one line, without control characters"));
		mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"a\\ud800b\", \"note\": \"bell\\u0007\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").value("must not contain control characters"))
			.andExpect(jsonPath("$.errors.note").value("must not contain control characters"));
	}

	@RestController
	static class Failing {

		@GetMapping("/page")
		int page(@org.springframework.web.bind.annotation.RequestParam int page) {
			return page;
		}

		@PostMapping("/count")
		Count count(@RequestBody Count count) {
			return count;
		}

		@GetMapping("/fail/{kind}")
		String fail(@PathVariable String kind) {
			throw switch (kind) {
				case "not-found" -> NotFoundException.withoutCode("No order 42");
				case "conflict" -> ConflictException.withoutCode("Order 42 exists");
				case "unprocessable" -> UnprocessableException.withoutCode("Invalid", Map.of("email", "not an email address"));
				case "coded" -> new UnprocessableException(Message.of("problem.invalid-fields"),
						Map.of("subject", Message.of("field.too-long", 200)));
				case "coded-not-found" -> new NotFoundException(Message.of("problem.forbidden"));
				case "unavailable" -> new RemoteUnavailableException("customer-service", null);
				case "stale" -> new OptimisticLockingFailureException("version 3 is not 4");
				case "duplicate" -> new DuplicateKeyException("E11000 duplicate key");
				case "bad-form" -> new org.apache.tomcat.util.http.InvalidParameterException("Character decoding failed.");
				case "rejected-header" -> new org.springframework.security.web.firewall.RequestRejectedException(
						"The request was rejected because the header: \"Idempotency-Key\" has a value that is not allowed.");
				default -> new IllegalStateException("secret internals");
			};
		}

		@PostMapping("/echo")
		Body echo(@Valid @RequestBody Body body) {
			return body;
		}
	}

	record Body(@NotBlank @PlainText String name, @Email String email, @PlainText(multiline = true) String note) {
	}

	record Count(int count) {
	}
}
