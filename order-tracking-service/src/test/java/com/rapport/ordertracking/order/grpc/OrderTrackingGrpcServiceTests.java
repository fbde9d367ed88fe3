package com.rapport.ordertracking.order.grpc;

import java.util.Optional;

import com.rapport.contracts.ordertracking.v1.GetOrderRequest;
import com.rapport.contracts.ordertracking.v1.ListOrdersRequest;
import com.rapport.contracts.ordertracking.v1.MilestoneCode;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc.OrderTrackingServiceBlockingStub;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;

/** The gRPC face over the in-process transport, with the real security interceptor and store. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + OrderTrackingGrpcServiceTests.SERVER })
@Import(TestTokens.DecoderConfiguration.class)
class OrderTrackingGrpcServiceTests {

	static final String SERVER = "order-tracking-service-test";

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	@Autowired
	OrderRepository orders;

	@MockitoBean
	CustomerDirectory customers;

	OrderTrackingServiceBlockingStub stub = OrderTrackingServiceGrpc.newBlockingStub(channel);

	Order acmeOrder;

	@BeforeEach
	void setUp() {
		orders.deleteAll();
		Instant placed = Instant.parse("2026-11-20T08:00:00Z");
		acmeOrder = orders.insert(new Order(null, "acme-retail", "A-1", placed, null, null, List.of(),
				List.of(new Milestone(com.rapport.ordertracking.order.MilestoneCode.PLACED, placed, null),
						new Milestone(com.rapport.ordertracking.order.MilestoneCode.SHIPPED, placed.plusSeconds(60), "DHL")),
				"p", null, null, null));
		orders.insert(new Order(null, "globex-trading", "G-1", placed, null, null, List.of(), List.of(), "p", null,
				null, null));
		given(customers.nameOf("acme-retail")).willReturn(Optional.of("Acme Retail"));
		given(customers.nameOf("globex-trading")).willReturn(Optional.of("Globex Trading"));
	}

	private OrderTrackingServiceBlockingStub as(String token) {
		return stub.withCallCredentials(CallTokens.bearer(token));
	}

	@Test
	void customerGetsItsOrderWithMilestonesAndTheOrganisationsName() {
		var order = as(TestTokens.customer("acme-retail"))
			.getOrder(GetOrderRequest.newBuilder().setOrderId(acmeOrder.id()).build());
		assertThat(order.getCustomerName()).isEqualTo("Acme Retail");
		assertThat(order.getStatus()).isEqualTo(MilestoneCode.MILESTONE_CODE_SHIPPED);
		assertThat(order.getMilestonesList()).extracting(m -> m.getNote()).containsExactly("", "DHL");
	}

	@Test
	void customerCannotReadAnotherCustomersOrder() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.customer("globex-trading"))
				.getOrder(GetOrderRequest.newBuilder().setOrderId(acmeOrder.id()).build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
	}

	@Test
	void customerListsOnlyItsOwnOrdersEvenWhenAskingForAnothers() {
		var own = as(TestTokens.customer("globex-trading")).listOrders(ListOrdersRequest.getDefaultInstance());
		assertThat(own.getOrdersList()).extracting(o -> o.getOrderNumber()).containsExactly("G-1");
		var foreign = as(TestTokens.customer("globex-trading"))
			.listOrders(ListOrdersRequest.newBuilder().setCustomerId("acme-retail").build());
		assertThat(foreign.getOrdersList()).isEmpty();
	}

	@Test
	void aCallWithoutATokenIsUnauthenticated() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> stub.listOrders(ListOrdersRequest.getDefaultInstance()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
	}

	@Test
	void anUnknownOrderIsNotFoundNotAnInternalError() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("agent")).getOrder(GetOrderRequest.newBuilder().setOrderId("nope").build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
	}

}
