package com.rapport.ordertracking.order.grpc;

import java.time.LocalDate;
import java.util.Optional;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.GetDeliveryPerformanceRequest;
import com.rapport.contracts.ordertracking.v1.GetOrderRequest;
import com.rapport.contracts.ordertracking.v1.LateOrder;
import com.rapport.contracts.ordertracking.v1.ListOrdersRequest;
import com.rapport.contracts.ordertracking.v1.MilestoneCode;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc.OrderTrackingServiceBlockingStub;
import com.rapport.support.test.FixedClock;
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
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class OrderTrackingGrpcServiceTests {

	static final String SERVER = "order-tracking-service-test";

	static final Instant NOW = FixedClock.NOW;

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
	void aCustomerSearchesItsOwnOrdersByNumberSkuAndStatusAndPagesBackToTheFirst() {
		Instant placed = Instant.parse("2026-11-01T08:00:00Z");
		for (int i = 0; i < 5; i++) {
			orders.insert(new Order(null, "acme-retail", "A-10" + i, placed.plusSeconds(i * 3600L), null, null,
					List.of(new com.rapport.ordertracking.order.OrderLine(i % 2 == 0 ? "CHAIR-ERG-01" : "DESK-01", "d", 1)),
					List.of(new Milestone(com.rapport.ordertracking.order.MilestoneCode.PLACED, placed, null)), "p", null,
					null, null));
		}
		orders.insert(new Order(null, "globex-trading", "A-109", placed, null, null,
				List.of(new com.rapport.ordertracking.order.OrderLine("CHAIR-ERG-01", "d", 1)), List.of(), "p", null,
				null, null));
		var acme = as(TestTokens.customer("acme-retail"));

		var byNumber = acme.listOrders(ListOrdersRequest.newBuilder().setOrderNumber("A-10").build());
		assertThat(byNumber.getOrdersList()).extracting(o -> o.getOrderNumber())
			.containsExactly("A-104", "A-103", "A-102", "A-101", "A-100");
		var bySku = acme.listOrders(ListOrdersRequest.newBuilder().setSku("CHAIR-ERG-01").setPageSize(2).build());
		assertThat(bySku.getOrdersList()).extracting(o -> o.getOrderNumber()).containsExactly("A-104", "A-102");
		var older = acme.listOrders(ListOrdersRequest.newBuilder().setSku("CHAIR-ERG-01").setPageSize(2)
			.setPageToken(bySku.getNextPageToken()).build());
		assertThat(older.getOrdersList()).extracting(o -> o.getOrderNumber()).containsExactly("A-100");
		assertThat(older.getNextPageToken()).isEmpty();
		var shipped = acme.listOrders(ListOrdersRequest.newBuilder().setStatus(MilestoneCode.MILESTONE_CODE_SHIPPED).build());
		assertThat(shipped.getOrdersList()).extracting(o -> o.getOrderNumber()).containsExactly("A-1");
		var foreign = as(TestTokens.customer("globex-trading"))
			.listOrders(ListOrdersRequest.newBuilder().setCustomerId("acme-retail").setSku("CHAIR-ERG-01").build());
		assertThat(foreign.getOrdersList()).extracting(o -> o.getOrderNumber()).containsExactly();
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> acme.listOrders(ListOrdersRequest.newBuilder().setSku("x".repeat(101)).build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
	}

	@Test
	void staffRecordADelayAndListOrdersAtRiskFirst() {
		var recorded = as(TestTokens.staff("agent")).recordDelay(com.rapport.contracts.ordertracking.v1.RecordDelayRequest
			.newBuilder().setOrderId(acmeOrder.id()).setReason("Paint line down")
			.setRemedy(com.rapport.contracts.ordertracking.v1.DelayRemedy.DELAY_REMEDY_NEW_DATE).setNewDate("2026-12-24")
			.build());
		assertThat(recorded.getAtRisk()).isTrue();
		assertThat(recorded.getEta()).isEqualTo("2026-12-24");
		assertThat(recorded.getDelay().getReason()).isEqualTo("Paint line down");
		assertThat(recorded.getDelay().getCause()).isEqualTo(com.rapport.contracts.ordertracking.v1.DelayCause.DELAY_CAUSE_REPORTED);
		assertThat(recorded.getMilestonesList()).extracting(m -> m.getBackwards()).containsOnly(false);

		var atRisk = as(TestTokens.staff("manager")).listOrders(ListOrdersRequest.newBuilder().setAtRiskOnly(true).build());
		assertThat(atRisk.getOrdersList()).extracting(o -> o.getOrderNumber()).containsExactly("A-1");
		var ownAtRisk = as(TestTokens.customer("globex-trading"))
			.listOrders(ListOrdersRequest.newBuilder().setAtRiskOnly(true).build());
		assertThat(ownAtRisk.getOrdersList()).isEmpty();
	}

	@Test
	void aDelayWithoutReasonIsInvalidAndACustomerMayNotRecordOne() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("agent")).recordDelay(com.rapport.contracts.ordertracking.v1.RecordDelayRequest
				.newBuilder().setOrderId(acmeOrder.id()).setRemedy(com.rapport.contracts.ordertracking.v1.DelayRemedy.DELAY_REMEDY_DISCOUNT)
				.build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.customer("acme-retail")).recordDelay(com.rapport.contracts.ordertracking.v1.RecordDelayRequest
				.newBuilder().setOrderId(acmeOrder.id()).setReason("x")
				.setRemedy(com.rapport.contracts.ordertracking.v1.DelayRemedy.DELAY_REMEDY_DISCOUNT).build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThat(orders.findById(acmeOrder.id()).orElseThrow().delay()).isNull();
	}

	@Test
	void aCallWithoutATokenIsUnauthenticated() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> stub.listOrders(ListOrdersRequest.getDefaultInstance()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
	}

	@Test
	void staffFindAnOrderByItsOrganisationAndNumberAsTheConsolesOrderPageAddressesIt() {
		var order = as(TestTokens.staff("agent")).getOrder(
				GetOrderRequest.newBuilder().setCustomerId("acme-retail").setOrderNumber("A-1").build());
		assertThat(order.getId()).isEqualTo(acmeOrder.id());
		assertThat(order.getCustomerName()).isEqualTo("Acme Retail");

		// The number of another organisation's order, an unknown number and a prefix are not found.
		for (GetOrderRequest missing : List.of(
				GetOrderRequest.newBuilder().setCustomerId("globex-trading").setOrderNumber("A-1").build(),
				GetOrderRequest.newBuilder().setCustomerId("acme-retail").setOrderNumber("A-").build(),
				GetOrderRequest.newBuilder().setCustomerId("acme-retail").setOrderNumber("A-9").build())) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> as(TestTokens.staff("manager")).getOrder(missing))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		}
		// A number without its organisation is a bad request naming the field.
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("agent"))
				.getOrder(GetOrderRequest.newBuilder().setOrderNumber("A-1").build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(io.grpc.protobuf.StatusProto.fromThrowable(ex).getDetailsList().stream()
					.filter(d -> d.is(com.google.rpc.BadRequest.class))
					.flatMap(d -> {
						try {
							return d.unpack(com.google.rpc.BadRequest.class).getFieldViolationsList().stream();
						}
						catch (com.google.protobuf.InvalidProtocolBufferException e) {
							throw new IllegalStateException(e);
						}
					}).map(v -> v.getField())).containsExactly("customer_id");
			});
	}

	@Test
	void aCustomerCannotReadAnotherOrganisationsOrderByItsNumber() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.customer("globex-trading")).getOrder(
					GetOrderRequest.newBuilder().setCustomerId("acme-retail").setOrderNumber("A-1").build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThat(as(TestTokens.customer("acme-retail")).getOrder(
				GetOrderRequest.newBuilder().setCustomerId("acme-retail").setOrderNumber("A-1").build()).getId())
			.isEqualTo(acmeOrder.id());
	}

	@Test
	void anUnknownOrderIsNotFoundNotAnInternalError() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("agent")).getOrder(GetOrderRequest.newBuilder().setOrderId("nope").build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
	}

	private Order store(String customerId, String number, String promised,
			com.rapport.ordertracking.order.MilestoneCode... reached) {
		Instant placed = Instant.parse("2026-11-01T02:00:00Z");
		List<Milestone> milestones = new java.util.ArrayList<>();
		for (var code : reached) {
			milestones.add(new Milestone(code, placed.plus(java.time.Duration.ofDays(milestones.size())), null));
		}
		return orders.insert(new Order(null, customerId, number, placed, LocalDate.parse(promised), null, List.of(),
				milestones, "p", null, null, null));
	}

	private static GetDeliveryPerformanceRequest deliveriesOf(String customerId) {
		return GetDeliveryPerformanceRequest.newBuilder().setCustomerId(customerId).build();
	}

	@Test
	void customerGetsItsOwnOrganisationsDeliveryPerformance() {
		var delivered = com.rapport.ordertracking.order.MilestoneCode.DELIVERED;
		var placed = com.rapport.ordertracking.order.MilestoneCode.PLACED;
		var exception = com.rapport.ordertracking.order.MilestoneCode.EXCEPTION;
		// Delivered on 2 November (Shanghai), promised for the 2nd and for the 1st.
		store("acme-retail", "ON-TIME", "2026-11-02", placed, delivered);
		store("acme-retail", "LATE", "2026-11-01", placed, delivered);
		Order stuck = store("acme-retail", "STUCK", "2026-11-27", placed, exception);

		var figures = as(TestTokens.customer("acme-retail")).getDeliveryPerformance(deliveriesOf("acme-retail"));

		assertThat(figures.getCustomerId()).isEqualTo("acme-retail");
		assertThat(figures.getTimeZone()).isEqualTo("Asia/Shanghai");
		assertThat(figures.getToday()).isEqualTo("2026-11-30");
		assertThat(figures.getDeliveredBefore().getSeconds()).isEqualTo(NOW.getEpochSecond());
		assertThat(figures.getDelivered()).isEqualTo(2);
		assertThat(figures.getDeliveredWithPromisedDate()).isEqualTo(2);
		assertThat(figures.getDeliveredOnTime()).isEqualTo(1);
		assertThat(figures.hasOnTimeRateBasisPoints()).isTrue();
		assertThat(figures.getOnTimeRateBasisPoints()).isEqualTo(5_000);
		// STUCK and A-1 (shipped, without a promised date).
		assertThat(figures.getInProgress()).isEqualTo(2);
		assertThat(figures.getInProgressLate()).isEqualTo(1);
		assertThat(figures.getLateOrdersList()).extracting(LateOrder::getOrderId, LateOrder::getOrderNumber,
				LateOrder::getPromisedDate, LateOrder::getDaysLate, LateOrder::getStatus)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(stuck.id(), "STUCK", "2026-11-27", 3,
					MilestoneCode.MILESTONE_CODE_EXCEPTION));
	}

	@Test
	void customerCannotReadAnotherOrganisationsDeliveryPerformance() {
		store("acme-retail", "LATE", "2026-11-01", com.rapport.ordertracking.order.MilestoneCode.PLACED);

		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.customer("globex-trading")).getDeliveryPerformance(deliveriesOf("acme-retail")))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
				assertThat(String.valueOf(ex.getStatus().getDescription())).doesNotContain("LATE");
			});
	}

	@Test
	void agentReadsAnyOrganisationsDeliveryPerformanceAndAnOrganisationWithoutOrdersHasNoRate() {
		var acme = as(TestTokens.staff("agent")).getDeliveryPerformance(deliveriesOf("acme-retail"));
		var unknown = as(TestTokens.staff("agent")).getDeliveryPerformance(deliveriesOf("no-such-organisation"));

		assertThat(acme.getInProgress()).isEqualTo(1);
		assertThat(unknown.getDelivered()).isZero();
		assertThat(unknown.getInProgress()).isZero();
		assertThat(unknown.hasOnTimeRateBasisPoints()).isFalse();
	}

	@Test
	void theWindowAskedForIsTheWindowCounted() {
		store("acme-retail", "EARLY-NOVEMBER", "2026-11-02", com.rapport.ordertracking.order.MilestoneCode.PLACED,
				com.rapport.ordertracking.order.MilestoneCode.DELIVERED);
		Instant from = Instant.parse("2026-11-15T00:00:00Z");

		var figures = as(TestTokens.staff("agent")).getDeliveryPerformance(deliveriesOf("acme-retail").toBuilder()
			.setDeliveredFrom(Timestamp.newBuilder().setSeconds(from.getEpochSecond())).build());

		assertThat(figures.getDeliveredFrom().getSeconds()).isEqualTo(from.getEpochSecond());
		assertThat(figures.getDelivered()).isZero();
		assertThat(figures.hasOnTimeRateBasisPoints()).isFalse();
	}

	@Test
	void aBlankOrganisationIsAnInvalidArgument() {
		for (String token : List.of(TestTokens.staff("agent"), TestTokens.customer("acme-retail"))) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> as(token).getDeliveryPerformance(deliveriesOf(" ")))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
		}
	}

	@Test
	void aWindowThatEndsBeforeItStartsIsAnInvalidArgument() {
		var backwards = deliveriesOf("acme-retail").toBuilder()
			.setDeliveredFrom(Timestamp.newBuilder().setSeconds(NOW.getEpochSecond()))
			.setDeliveredBefore(Timestamp.newBuilder().setSeconds(NOW.getEpochSecond() - 1)).build();

		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("agent")).getDeliveryPerformance(backwards))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
	}
}
