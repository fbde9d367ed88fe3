package com.rapport.ordertracking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.support.test.TestTokens;
import com.rapport.support.test.matrix.AuthorizationMatrixContract;
import com.rapport.support.test.matrix.Caller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.BDDMockito.given;

@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=order-tracking-matrix" })
@AutoConfigureMockMvc
@Import(TestTokens.DecoderConfiguration.class)
class OrderTrackingAuthorizationMatrixTests extends AuthorizationMatrixContract {

	static final String SECRET_ORDER_NUMBER = "A-SECRET-4711";

	@Autowired
	OrderRepository orders;

	@MockitoBean
	CustomerDirectory customers;

	private final AtomicInteger submissions = new AtomicInteger();

	private String orderOfA;

	@Override
	protected void createRecordsOfOrganisationA() {
		orders.deleteAll();
		Instant placed = Instant.parse("2026-11-20T08:00:00Z");
		orderOfA = orders.insert(new Order(null, Caller.ORGANISATION_A, SECRET_ORDER_NUMBER, placed, null, null,
				List.of(), List.of(new Milestone(MilestoneCode.PLACED, placed, "only for A")), "partner", null, null,
				null)).id();
		given(customers.exists(Caller.ORGANISATION_A)).willReturn(true);
		given(customers.nameOf(Caller.ORGANISATION_A)).willReturn(Optional.of("Organisation A"));
	}

	@Override
	protected String pathVariable(String name) {
		return orderOfA;
	}

	@Override
	protected String restBody(String endpoint) {
		if (!endpoint.startsWith("REST POST")) {
			return null;
		}
		return """
				{"customerId": "%s", "orderNumber": "NEW-%d-%s"}""".formatted(Caller.ORGANISATION_A,
				submissions.incrementAndGet(), UUID.randomUUID().toString().substring(0, 8));
	}

	@Override
	protected String grpcRequest(String fullMethodName) {
		if (fullMethodName.startsWith("rapport.privacy.v1.")) {
			return "{\"subject\": {\"organisationId\": \"" + Caller.ORGANISATION_A + "\", \"contactId\": \"contact-of-a\"}}";
		}
		if (fullMethodName.endsWith("/GetDeliveryPerformance")) {
			return "{\"customerId\": \"" + Caller.ORGANISATION_A + "\"}";
		}
		return fullMethodName.endsWith("/GetOrder") ? "{\"orderId\": \"" + orderOfA + "\"}" : "{}";
	}

	@Override
	protected List<String> secretsOfOrganisationA() {
		return List.of(SECRET_ORDER_NUMBER, "Organisation A", "only for A");
	}
}
