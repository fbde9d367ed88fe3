package com.rapport.ordertracking.growth.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.rapport.contracts.ordertracking.v1.CustomerOrderFacts;
import com.rapport.contracts.ordertracking.v1.ListOrdersRequest;
import com.rapport.contracts.ordertracking.v1.ListOrdersResponse;
import com.rapport.contracts.ordertracking.v1.OrderFactsServiceGrpc;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc;
import com.rapport.contracts.ordertracking.v1.StreamOrderFactsRequest;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderLine;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.FixedClock;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;

/**
 * The batch read answers, for every organisation of a range, exactly what one {@code ListOrders} per organisation
 * answers on the same store (the same orders, newest first, with their lines and whether they were cancelled),
 * and nothing of the organisations outside it. In-process gRPC, the real security interceptor and store.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + OrderFactsGrpcServiceTests.SERVER })
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class OrderFactsGrpcServiceTests {

	static final String SERVER = "order-facts-test";

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

	@Autowired
	OrderRepository orders;

	@Autowired
	MongoTemplate mongo;

	@MockitoBean
	CustomerDirectory customers;

	OrderFactsServiceGrpc.OrderFactsServiceBlockingStub facts = OrderFactsServiceGrpc.newBlockingStub(channel)
		.withCallCredentials(CallTokens.bearer(TestTokens.service()));

	OrderTrackingServiceGrpc.OrderTrackingServiceBlockingStub list = OrderTrackingServiceGrpc.newBlockingStub(channel)
		.withCallCredentials(CallTokens.bearer(TestTokens.service()));

	@BeforeEach
	void setUp() {
		orders.deleteAll();
		given(customers.nameOf(org.mockito.ArgumentMatchers.anyString())).willReturn(Optional.of("Some name"));
		// A regular buyer, an irregular one with several lines an order, one with a cancelled order, one with a
		// single order, and two outside the range read below (one before, one after).
		store("acme-retail", 14, 30, "CHAIR-ERG-01", "DESK-01");
		store("globex-trading", 9, 17, "HINGE-01", "SCREW-10", "BOLT-20");
		store("initech-logistics", 6, 45, "PALLET-01");
		store("stark-components", 1, 1, "HINGE-01");
		store("aaa-before", 3, 10, "OUTSIDE");
		store("zeta-after", 3, 10, "OUTSIDE");
		Order cancelled = orders.findAll().stream().filter(o -> o.customerId().equals("initech-logistics")).findFirst()
			.orElseThrow();
		mongo.updateFirst(Query.query(Criteria.where("_id").is(cancelled.id())),
				Update.update("cancelledAt", java.util.Date.from(START.plusSeconds(86_400))), Order.class);
	}

	@Test
	void everyOrganisationOfTheRangeGetsWhatItsOwnListOrdersAnswers() {
		List<CustomerOrderFacts> streamed = read("acme-retail", "stark-components", 0);

		assertThat(streamed).extracting(CustomerOrderFacts::getCustomerId)
			.containsExactly("acme-retail", "globex-trading", "initech-logistics", "stark-components");
		for (CustomerOrderFacts customer : streamed) {
			assertThat(summaries(customer)).as(customer.getCustomerId())
				.isEqualTo(listedOneByOne(customer.getCustomerId()))
				.isNotEmpty();
		}
		assertThat(streamed.get(2).getOrdersList()).filteredOn(o -> o.getCancelled()).hasSize(1);
		assertThat(streamed.get(1).getOrdersList()).allSatisfy(o -> assertThat(o.getLinesList()).hasSize(2));
	}

	@Test
	void eachOrganisationGetsItsNewestOrdersUpToTheLimit() {
		List<CustomerOrderFacts> streamed = read("acme-retail", "acme-retail", 5);

		assertThat(streamed).hasSize(1);
		assertThat(summaries(streamed.get(0))).isEqualTo(listedOneByOne("acme-retail").subList(0, 5));
	}

	@Test
	void organisationsAfterOneAtTheLimitAreStillReadEachWithItsNewestOrders() {
		// Acme (14) and Globex (9) are over the limit, Initech (6) exactly at it, Stark (1) under it: each read
		// stops at the limit and starts again after the organisation, and none is left out or handed twice.
		List<CustomerOrderFacts> streamed = read("acme-retail", "stark-components", 6);

		assertThat(streamed).extracting(CustomerOrderFacts::getCustomerId)
			.containsExactly("acme-retail", "globex-trading", "initech-logistics", "stark-components");
		for (CustomerOrderFacts customer : streamed) {
			List<String> listed = listedOneByOne(customer.getCustomerId());
			assertThat(summaries(customer)).as(customer.getCustomerId())
				.isEqualTo(listed.subList(0, Math.min(6, listed.size())));
		}
	}

	@Test
	void aRangeWithoutOrdersStreamsNothing() {
		assertThat(read("b", "bz", 0)).isEmpty();
	}

	@Test
	void badRangesAreInvalidArgumentsAndPeopleMayNotReadIt() {
		for (StreamOrderFactsRequest bad : List.of(StreamOrderFactsRequest.newBuilder().setToCustomerId("b").build(),
				StreamOrderFactsRequest.newBuilder().setFromCustomerId("b").setToCustomerId("a").build(),
				StreamOrderFactsRequest.newBuilder().setFromCustomerId("a").setToCustomerId("b")
					.setMaxOrdersPerCustomer(1001).build())) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> facts.streamOrderFacts(bad).forEachRemaining(m -> { }))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
		}
		for (String person : List.of(TestTokens.staff("admin"), TestTokens.customer("acme-retail"))) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> OrderFactsServiceGrpc.newBlockingStub(channel)
					.withCallCredentials(CallTokens.bearer(person))
					.streamOrderFacts(StreamOrderFactsRequest.newBuilder().setFromCustomerId("acme-retail")
						.setToCustomerId("acme-retail").build())
					.forEachRemaining(m -> { }))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		}
	}

	private List<CustomerOrderFacts> read(String from, String to, int max) {
		List<CustomerOrderFacts> streamed = new ArrayList<>();
		facts.streamOrderFacts(StreamOrderFactsRequest.newBuilder().setFromCustomerId(from).setToCustomerId(to)
			.setMaxOrdersPerCustomer(max).build()).forEachRemaining(streamed::add);
		return streamed;
	}

	/** Each order as number, placed, cancelled and lines: what the recompute reads of it. */
	private static List<String> summaries(CustomerOrderFacts customer) {
		return customer.getOrdersList().stream()
			.map(o -> o.getOrderNumber() + "|" + o.getPlacedAt().getSeconds() + "|" + o.getCancelled() + "|"
					+ o.getLinesList().stream().map(l -> l.getSku() + "x" + l.getQuantity() + ":" + l.getDescription())
						.toList())
			.toList();
	}

	/** The same, from ListOrders, page after page, as the recompute read it before. */
	private List<String> listedOneByOne(String customerId) {
		List<String> all = new ArrayList<>();
		String token = "";
		do {
			ListOrdersResponse page = list.listOrders(ListOrdersRequest.newBuilder().setCustomerId(customerId)
				.setPageSize(4).setPageToken(token).build());
			page.getOrdersList().forEach(o -> all.add(o.getOrderNumber() + "|" + o.getPlacedAt().getSeconds() + "|"
					+ o.getCancelled() + "|" + o.getLinesList().stream()
						.map(l -> l.getSku() + "x" + l.getQuantity() + ":" + l.getDescription()).toList()));
			token = page.getNextPageToken();
		}
		while (!token.isEmpty());
		return all;
	}

	private void store(String customerId, int count, int everyDays, String... skus) {
		for (int i = 0; i < count; i++) {
			List<OrderLine> lines = new ArrayList<>();
			for (int s = 0; s < skus.length; s++) {
				if (s == 0 || (i + s) % 2 == 0) {
					lines.add(new OrderLine(skus[s], skus[s].toLowerCase() + " of " + customerId, 1 + (i * 7 + s) % 13));
				}
			}
			Instant placed = START.plusSeconds(86_400L * everyDays * i + i * 37L);
			orders.insert(new Order(null, customerId, customerId.substring(0, 3).toUpperCase() + "-" + (100 + i), placed,
					null, null, lines, List.of(), "partner", null, null, null));
		}
	}
}
