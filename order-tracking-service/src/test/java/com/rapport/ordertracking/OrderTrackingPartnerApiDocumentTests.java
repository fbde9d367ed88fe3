package com.rapport.ordertracking;

import java.util.List;
import java.util.Optional;

import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.support.test.TestTokens;
import com.rapport.support.test.openapi.PartnerApiDocumentContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.BDDMockito.given;

@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=order-tracking-openapi" })
@AutoConfigureMockMvc
@Import(TestTokens.DecoderConfiguration.class)
class OrderTrackingPartnerApiDocumentTests extends PartnerApiDocumentContract {

	@Autowired
	OrderRepository orders;

	@Autowired
	org.springframework.data.mongodb.core.MongoTemplate mongo;

	@MockitoBean
	CustomerDirectory customers;

	@Override
	protected String documentName() {
		return "orders-v1";
	}

	@Override
	protected List<String> replayOrder() {
		return List.of("createOrder", "recordMilestone", "changeOrder", "reportDelay", "listOrders", "getOrder",
				"cancelOrder", "submitInvoice", "settleInvoice");
	}

	@Override
	protected void prepareExamples() {
		orders.deleteAll();
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(),
				com.rapport.ordertracking.receivables.Invoice.class);
		given(customers.exists("acme-retail")).willReturn(true);
		given(customers.nameOf("acme-retail")).willReturn(Optional.of("Acme Retail"));
	}

	/** The example's order id is made when createOrder stores it. */
	@Override
	protected String pathValue(String operationId, String name, String example) {
		if (name.equals("id")) {
			return orders.findAll().stream().filter(order -> order.orderNumber().equals("PO-2026-0042")).findFirst()
				.orElseThrow().id();
		}
		return example;
	}
}
