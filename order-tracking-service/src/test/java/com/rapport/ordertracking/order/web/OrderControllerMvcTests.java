package com.rapport.ordertracking.order.web;

import java.util.List;

import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Money;
import com.rapport.ordertracking.order.NewOrder;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderService;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import java.util.function.Supplier;

import com.rapport.ordertracking.idempotency.IdempotentRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.Map;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(OrderController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(IdempotencyKeys.class)
class OrderControllerMvcTests {

	static final String BODY = """
			{"customerId": "acme-retail", "orderNumber": "PO-1", "promisedDate": "2026-12-10",
			 "total": {"currency": "CNY", "amount": "1200.5"},
			 "milestones": [{"code": "PLACED", "occurredAt": "2026-11-20T08:00:00Z"}]}""";

	static final Order STORED = new Order("o-1", "acme-retail", "PO-1", Instant.parse("2026-11-20T08:00:00Z"), null,
			new Money("CNY", 120050), List.of(),
			List.of(new Milestone(MilestoneCode.PLACED, Instant.parse("2026-11-20T08:00:00Z"), null)), "partner-test",
			"k", Instant.parse("2026-11-20T08:00:01Z"), 0L);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrderService orders;

	/** The key's store is tested on its own (IdempotentRequestsTests); here every request simply runs. */
	@MockitoBean
	IdempotentRequests requests;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void everyRequestRuns() {
		given(requests.run(any(), any(), any(), any()))
			.willAnswer(call -> ((Supplier<ResponseEntity<?>>) call.getArgument(3)).get());
	}

	@Test
	void aNewOrderAnswers201WithItsAddress() throws Exception {
		given(orders.submit(any(), any(), eq("k"))).willReturn(new OrderService.Submission(STORED, true));
		mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.partner("orders.write")))
			.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "k").content(BODY))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/orders/v1/orders/o-1"))
			.andExpect(jsonPath("$.status").value("PLACED"))
			.andExpect(jsonPath("$.total.amount").value(1200.50));
		ArgumentCaptor<NewOrder> submitted = ArgumentCaptor.forClass(NewOrder.class);
		verify(orders).submit(any(), submitted.capture(), eq("k"));
		assertThat(submitted.getValue().total()).isEqualTo(new Money("CNY", 120050));
	}

	@Test
	void aRepeatAnswers200WithTheSameOrder() throws Exception {
		given(orders.submit(any(), any(), eq("k"))).willReturn(new OrderService.Submission(STORED, false));
		mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.partner("orders.write")))
			.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "k").content(BODY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("o-1"));
	}

	@Test
	void aBodyThatIsNotJsonAnswers400() throws Exception {
		mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.partner("orders.write")))
			.contentType(MediaType.APPLICATION_JSON).content("{\"customerId\": "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Malformed request"));
		verifyNoInteractions(orders);
	}

	@Test
	void anUnknownMilestoneCodeAnswers400() throws Exception {
		mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.partner("orders.write")))
			.contentType(MediaType.APPLICATION_JSON).content(BODY.replace("PLACED", "TELEPORTED")))
			.andExpect(status().isBadRequest());
		verifyNoInteractions(orders);
	}

	@Test
	void invalidFieldsAnswer422NamingEachOne() throws Exception {
		mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.partner("orders.write")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"orderNumber\": \"PO 1\", \"total\": {\"currency\": \"cny\", \"amount\": -1}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.customerId").exists())
			.andExpect(jsonPath("$.errors.orderNumber").exists())
			.andExpect(jsonPath("$.errors['total.currency']").exists())
			.andExpect(jsonPath("$.errors['total.amount']").exists());
		verifyNoInteractions(orders);
	}

	@Test
	void moreDecimalsThanTheCurrencyHasAnswer422() throws Exception {
		mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.partner("orders.write")))
			.contentType(MediaType.APPLICATION_JSON).content(BODY.replace("1200.5", "1200.505")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['total.amount']").value("CNY has 2 decimals"))
			.andExpect(jsonPath("$.fieldCodes['total.amount']").value("orders.amount.decimals"))
			.andExpect(jsonPath("$.reason").value("orders.amount.too-many-decimals"));
		verifyNoInteractions(orders);
	}

	@Test
	void aPartnerAskingForChineseReadsTheRefusalInChineseWithTheSameCodes() throws Exception {
		mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.partner("orders.write")))
			.header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON).content(BODY.replace("1200.5", "1200.505")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("validation"))
			.andExpect(jsonPath("$.title").value("输入无效"))
			.andExpect(jsonPath("$.detail").value("小数位过多。"))
			.andExpect(jsonPath("$.errors['total.amount']").value("CNY 有 2 位小数"))
			.andExpect(jsonPath("$.fieldCodes['total.amount']").value("orders.amount.decimals"));
		mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.partner("orders.write")))
			.header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
			.content(BODY.replace("\"CNY\"", "\"cny\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['total.currency']").value("应为 ISO 4217 代码，例如 CNY"))
			.andExpect(jsonPath("$.fieldCodes['total.currency']").value("orders.currency.format"));
		verifyNoInteractions(orders);
	}

	@Test
	void anUnknownOrganisationAnswers422() throws Exception {
		given(orders.submit(any(), any(), any())).willThrow(UnprocessableException.withoutCode("The order names an "
				+ "organisation that does not exist.", Map.of("customerId", "No organisation with id 'x'")));
		mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.partner("orders.write")))
			.contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.customerId").value("No organisation with id 'x'"));
	}

	@Test
	void withoutATokenTheAnswerIs401() throws Exception {
		mvc.perform(post("/api/orders/v1/orders").contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		verifyNoInteractions(orders);
	}

	@Test
	void aTokenWithoutOrdersWriteAnswers403() throws Exception {
		mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.partner("orders.read")))
			.contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		verifyNoInteractions(orders);
	}

	@Test
	void customersCannotPushOrders() throws Exception {
		mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.customer("acme-retail")))
			.contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andExpect(status().isForbidden());
		verifyNoInteractions(orders);
	}

	@Test
	void withoutOrdersWriteTheAnswerIs403WhateverTheBody() throws Exception {
		for (String body : List.of("{}", "{\"customerId\": ", "[]", "{\"total\": {\"amount\": 1e400}}")) {
			mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.partner("orders.read")))
				.contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.code").value("forbidden"));
		}
		verifyNoInteractions(orders);
	}

	@Test
	void textWithControlCharactersAnswers422NamingEachField() throws Exception {
		String body = BODY.replace("\"acme-retail\"", "\"acme\\u0000retail\"")
			.replace("\"occurredAt\"", "\"note\": \"two\\nlines are fine\", \"occurredAt\"")
			.replace("\"milestones\"", "\"lines\": [{\"sku\": \"A\\u001b1\", \"description\": \"x\\ud800\", \"quantity\": 1}], \"milestones\"");
		mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.partner("orders.write")))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.customerId").value("must not contain control characters"))
			.andExpect(jsonPath("$.errors['lines[0].sku']").exists())
			.andExpect(jsonPath("$.errors['lines[0].description']").exists())
			.andExpect(jsonPath("$.errors['milestones[0].note']").doesNotExist());
		verifyNoInteractions(orders);
	}

	@Test
	void anAmountTooLargeForAnyLedgerAnswers422() throws Exception {
		mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.partner("orders.write")))
			.contentType(MediaType.APPLICATION_JSON).content(BODY.replace("\"1200.5\"", "1e400")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['total.amount']").exists());
		verifyNoInteractions(orders);
	}

	@Test
	void anIdempotencyKeyOutsideVisibleAsciiAnswers422() throws Exception {
		mvc.perform(post("/api/orders/v1/orders").with(as(TestTokens.partner("orders.write")))
			.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "po-\u00e9\u952e").content(BODY))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['Idempotency-Key']").exists());
		verifyNoInteractions(orders);
	}
}
