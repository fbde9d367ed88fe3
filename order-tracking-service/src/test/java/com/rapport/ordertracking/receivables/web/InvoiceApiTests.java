package com.rapport.ordertracking.receivables.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.receivables.Invoice;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner pushing invoices over REST, through the whole service on the embedded store (only customer-service stood
 * in for): the answers, the {@code Idempotency-Key} rule (replay, another body 422, in flight 409), and every bad
 * request a problem document naming its field, with nothing stored.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=invoice-api" })
@AutoConfigureMockMvc
@Import(TestTokens.DecoderConfiguration.class)
class InvoiceApiTests {

	static final String INVOICES = "/api/orders/v1/invoices";

	static final String INVOICE = """
			{"customerId": "acme-retail", "invoiceNumber": "INV-2026-1014", "orderNumber": "ACME-1014",
			 "amount": {"currency": "CNY", "amount": 128000.00}, "dueDate": "2026-12-10"}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoTemplate mongo;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() {
		mongo.remove(new Query(), Invoice.class);
		mongo.remove(new Query(), "idempotency_keys");
		given(customers.exists("acme-retail")).willReturn(true);
		given(customers.exists("nobody")).willReturn(false);
	}

	private ResultActions write(String path, String body, String key) throws Exception {
		var request = post(path).with(as(TestTokens.partner("orders.write"))).contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return mvc.perform(request);
	}

	private long stored() {
		return mongo.count(new Query(), Invoice.class);
	}

	@Test
	void aNewInvoiceIs201AndTheSameInvoiceAgain200WithNothingNew() throws Exception {
		write(INVOICES, INVOICE, null).andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/orders/v1/invoices/INV-2026-1014"))
			.andExpect(jsonPath("$.amount.amount").value(128000.00)).andExpect(jsonPath("$.amount.currency").value("CNY"))
			.andExpect(jsonPath("$.status").value("OPEN")).andExpect(jsonPath("$.dueDate").value("2026-12-10"));
		write(INVOICES, INVOICE, null).andExpect(status().isOk());
		write(INVOICES, INVOICE.replace("128000.00", "99.00"), null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("invoices.exists"));
		assertThat(stored()).isEqualTo(1);
		assertThat(mongo.findAll(Invoice.class).get(0).amount().minorUnits()).isEqualTo(12_800_000);
	}

	@Test
	void theSameKeyAndBodyReplaysTheFirstAnswerAndAnotherBodyIs422() throws Exception {
		String first = write(INVOICES, INVOICE, "inv-1").andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString();
		write(INVOICES, INVOICE, "inv-1").andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true")).andExpect(content().json(first));
		write(INVOICES, INVOICE.replace("INV-2026-1014", "INV-2026-1015"), "inv-1")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.reason").value("idempotency.key-reused"))
			.andExpect(jsonPath("$.fieldCodes['Idempotency-Key']").value("idempotency.other-request"));
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void aRequestWithAKeyStillBeingAnsweredIs409() throws Exception {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		willAnswer(call -> {
			inside.countDown();
			release.await(10, TimeUnit.SECONDS);
			return true;
		}).given(customers).exists("acme-retail");
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
			try {
				return write(INVOICES, INVOICE, "slow").andReturn().getResponse().getStatus();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
		write(INVOICES, INVOICE, "slow").andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("idempotency.in-flight"));
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(201);
		write(INVOICES, INVOICE, "slow").andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"));
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void badInputIsAProblemNamingTheFieldAndStoresNothing() throws Exception {
		write(INVOICES, INVOICE.replace("\"CNY\"", "\"XYZ\""), "bad-1").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fieldCodes['amount.currency']").value("orders.currency.not-iso"));
		write(INVOICES, INVOICE.replace("128000.00", "12.345"), "bad-2").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fieldCodes['amount.amount']").value("orders.amount.decimals"));
		write(INVOICES, INVOICE.replace("128000.00", "0"), "bad-3").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['amount.amount']").exists());
		write(INVOICES, INVOICE.replace("\"dueDate\": \"2026-12-10\"", "\"dueDate\": null"), "bad-4")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.dueDate").exists());
		write(INVOICES, INVOICE.replace("INV-2026-1014", "INV/1"), "bad-5").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.invoiceNumber").exists());
		write(INVOICES, INVOICE.replace("acme-retail", "nobody"), "bad-6").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fieldCodes.customerId").value("field.no-such-organisation"));
		write(INVOICES, INVOICE.replace("\"2026-12-10\"", "\"10 Dec\""), "bad-7").andExpect(status().isBadRequest());
		assertThat(stored()).isZero();
		// A refused request keeps nothing of its key.
		write(INVOICES, INVOICE, "bad-1").andExpect(status().isCreated());
	}

	@Test
	void aPaymentClosesTheInvoiceOnceAndAnUnknownInvoiceIs404() throws Exception {
		write(INVOICES, INVOICE, null).andExpect(status().isCreated());
		String paid = """
				{"customerId": "acme-retail", "outcome": "PAID"}""";
		write(INVOICES + "/INV-2026-1014/settlement", paid, "pay-1").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PAID"));
		write(INVOICES + "/INV-2026-1014/settlement", paid, null).andExpect(status().isOk());
		write(INVOICES + "/INV-2026-1014/settlement", paid.replace("PAID", "CREDITED"), null)
			.andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("invoices.settled-already"));
		write(INVOICES + "/INV-404/settlement", paid, null).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.reason").value("invoices.number-not-found"));
		write(INVOICES + "/INV-2026-1014/settlement", paid.replace("PAID", "LOST"), null)
			.andExpect(status().isBadRequest());
		assertThat(mongo.findAll(Invoice.class).get(0).outbox()).extracting(Invoice.TimelineEvent::code)
			.containsExactly("timeline.invoice.received", "timeline.invoice.paid");
	}

	@Test
	void onlyAPartnerWithOrdersWriteMaySubmit() throws Exception {
		mvc.perform(post(INVOICES).with(as(TestTokens.partner("orders.read"))).contentType(MediaType.APPLICATION_JSON)
			.content(INVOICE)).andExpect(status().isForbidden());
		mvc.perform(post(INVOICES).with(as(TestTokens.customer("acme-retail"))).contentType(MediaType.APPLICATION_JSON)
			.content(INVOICE)).andExpect(status().isForbidden());
		assertThat(stored()).isZero();
	}
}
