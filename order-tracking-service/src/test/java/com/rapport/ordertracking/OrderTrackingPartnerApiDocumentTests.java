package com.rapport.ordertracking;

import java.util.List;
import java.util.Optional;

import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.draft.DraftOrder;
import com.rapport.ordertracking.draft.DraftStatus;
import com.rapport.ordertracking.order.OrderLine;
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
				"cancelOrder", "submitInvoice", "settleInvoice", "listDraftOrders", "getDraftOrder", "confirmDraftOrder");
	}

	@Override
	protected void prepareExamples() {
		orders.deleteAll();
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(),
				com.rapport.ordertracking.receivables.Invoice.class);
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(), DraftOrder.class);
		// The draft the draft examples read and confirm, as customer-service would have made it.
		mongo.insert(new DraftOrder("RO-20261207-004711", "acme-retail", "reorder:acme-retail:CHAIR-ERG-01:2026-12-16",
				List.of(new OrderLine("CHAIR-ERG-01", "Ergonomic chair", 120)), "Alice Chen", DraftStatus.DRAFT,
				java.time.Instant.parse("2026-12-07T01:30:00Z"), null, null, null, null, null));
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
