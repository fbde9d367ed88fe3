package com.rapport.support.security;

import java.util.List;

import com.rapport.support.web.ProblemDetailsAdvice;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Permission before content: no right, 403, whatever the body. */
class PreAuthorizeFirstInterceptorTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Orders())
		.setControllerAdvice(new ProblemDetailsAdvice(com.rapport.support.test.TestMessages.source()))
		.addInterceptors(new PreAuthorizeFirstInterceptor(null))
		.setValidator(new LocalValidatorFactoryBean() {
			{
				afterPropertiesSet();
			}
		})
		.build();

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCallerWithoutTheScopeGets403WhateverTheBody() throws Exception {
		signIn("SCOPE_orders.read");
		for (String body : List.of("{}", "{\"number\": ", "[1, 2", "{\"number\": \"x\"}")) {
			mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.code").value("forbidden"));
		}
	}

	@Test
	void aCallerWithTheScopeGetsTheContentJudged() throws Exception {
		signIn("SCOPE_orders.write");
		mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.number").exists());
		mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content("{\"number\": \"A-1\"}"))
			.andExpect(status().isOk());
	}

	private static void signIn(String authority) {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("partner", null,
				List.of(new SimpleGrantedAuthority(authority))));
	}

	@RestController
	static class Orders {

		@PostMapping("/orders")
		@PreAuthorize("hasAuthority('SCOPE_orders.write')")
		String submit(@Valid @RequestBody NewOrder order) {
			return order.number();
		}
	}

	record NewOrder(@NotBlank String number) {
	}
}
