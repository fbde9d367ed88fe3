package com.rapport.ordertracking.order;

import java.time.Instant;
import java.util.Map;

import com.rapport.support.test.FixedClock;
import com.rapport.ordertracking.MongoAuditingConfiguration;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.support.audit.AuditTrailAutoConfiguration;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;

/** The order rules with the real store (embedded); only customer-service is stood in for. */
@DataMongoTest
@Import({ OrderService.class, MongoAuditingConfiguration.class, FixedClock.class })
@ImportAutoConfiguration({ EmbeddedMongoAutoConfiguration.class, AuditTrailAutoConfiguration.class })
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class OrderServiceTests {

	static final Instant NOW = FixedClock.NOW;

	@Autowired
	OrderService service;

	@Autowired
	OrderRepository orders;

	@Autowired
	MongoAuditTrail trail;

	@MockitoBean
	CustomerDirectory customers;

	private final Caller partner = caller(TestTokens.partner("orders.read orders.write"));

	@BeforeEach
	void setUp() {
		orders.deleteAll();
		given(customers.exists("acme-retail")).willReturn(true);
		given(customers.exists("globex-trading")).willReturn(true);
	}

	private static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	@Test
	void aRepeatedSubmissionWithTheSameKeyAnswersTheFirstOrder() {
		var first = service.submit(partner, Orders.newOrder("acme-retail", "PO-1"), "key-1");
		var repeat = service.submit(partner, Orders.newOrder("acme-retail", "PO-1"), "key-1");
		assertThat(first.created()).isTrue();
		assertThat(repeat.created()).isFalse();
		assertThat(repeat.order().id()).isEqualTo(first.order().id());
		assertThat(orders.count()).isEqualTo(1);
	}

	@Test
	void aNewOrderIsAuditedAsThePartnerThatSentItAndARepeatIsNot() {
		NewAuditEntries audited = NewAuditEntries.since(trail);
		var first = service.submit(partner, Orders.newOrder("acme-retail", "PO-1"), "key-1");
		service.submit(partner, Orders.newOrder("acme-retail", "PO-1"), "key-1");

		var event = audited.single();
		assertThat(event.actor()).isEqualTo("partner-test");
		assertThat(event.client()).isEqualTo("partner-test");
		assertThat(event.action()).isEqualTo("order.created");
		assertThat(event.recordType()).isEqualTo("order");
		assertThat(event.recordId()).isEqualTo(first.order().id());
		assertThat(event.organisationId()).isEqualTo("acme-retail");
		assertThat(event.details()).isEqualTo(Map.of("order_number", "PO-1"));
		assertThat(event.at()).isEqualTo(NOW);
	}

	@Test
	void aRefusedOrderIsNotAudited() {
		service.submit(partner, Orders.newOrder("acme-retail", "PO-1"), null);
		NewAuditEntries audited = NewAuditEntries.since(trail);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> service.submit(partner, Orders.newOrder("acme-retail", "PO-1"), null));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> service.submit(partner, Orders.newOrder("nobody", "PO-2"), null));
		assertThat(audited.events()).isEmpty();
	}

	@Test
	void aKeyStoredWithAnotherOrderIsRefusedAsAnotherRequest() {
		service.submit(partner, Orders.newOrder("acme-retail", "PO-1"), "key-1");
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> service.submit(partner, Orders.newOrder("acme-retail", "PO-2"), "key-1"))
			.satisfies(ex -> assertThat(ex.reason().code()).isEqualTo("idempotency.key-reused"));
		assertThat(orders.count()).isEqualTo(1);
	}

	@Test
	void theSameOrderNumberWithoutAKeyIsAConflict() {
		service.submit(partner, Orders.newOrder("acme-retail", "PO-1"), null);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> service.submit(partner, Orders.newOrder("acme-retail", "PO-1"), null));
	}

	@Test
	void anOrderForAnUnknownOrganisationIsRejectedAndNothingIsStored() {
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> service.submit(partner, Orders.newOrder("nobody", "PO-1"), "key-1"))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey("customerId"));
		assertThat(orders.count()).isZero();
	}

	@Test
	void milestonesAreKeptInTimeOrderAndTheOrderIsPlacedWhenItsPlacedMilestoneSays() {
		Order order = service.submit(partner, Orders.newOrder("acme-retail", "PO-1"), null).order();
		assertThat(order.milestones()).extracting(Milestone::code).containsExactly(MilestoneCode.PLACED,
				MilestoneCode.CONFIRMED);
		assertThat(order.status()).isEqualTo(MilestoneCode.CONFIRMED);
		assertThat(order.placedAt()).isEqualTo(Orders.T0);
		assertThat(order.submittedBy()).isEqualTo("partner-test");
		// Stored in the same write as the order, for the relay to tell customer-service's timeline.
		assertThat(orders.findById(order.id()).orElseThrow().outbox()).singleElement().satisfies(event -> {
			assertThat(event.kind()).isEqualTo(OrderEvent.Kind.ORDER_PLACED);
			assertThat(event.eventId()).isEqualTo("order-placed:" + order.id());
			assertThat(event.facts()).containsEntry("order_number", "PO-1").containsEntry("amount_minor_units", "120050");
		});
	}

	@Test
	void customerCannotReadAnotherCustomersOrder() {
		Order acme = service.submit(partner, Orders.newOrder("acme-retail", "PO-1"), null).order();
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> service.get(caller(TestTokens.customer("globex-trading")), acme.id()));
		assertThat(service.get(caller(TestTokens.customer("acme-retail")), acme.id()).orderNumber()).isEqualTo("PO-1");
	}

	@Test
	void customerListsOnlyItsOwnOrdersWhateverItAsksFor() {
		service.submit(partner, Orders.newOrder("acme-retail", "A-1"), null);
		service.submit(partner, Orders.newOrder("globex-trading", "G-1"), null);
		Caller globex = caller(TestTokens.customer("globex-trading"));
		assertThat(service.list(globex, null, 0, 20).getContent()).extracting(Order::orderNumber).containsExactly("G-1");
		assertThat(service.list(globex, "acme-retail", 0, 20).getContent()).isEmpty();
		assertThat(service.list(globex, "acme-retail", 0, 20).getTotalElements()).isZero();
	}

	@Test
	void staffAndReadingPartnersSeeEveryOrganisationOrFilterByOne() {
		service.submit(partner, Orders.newOrder("acme-retail", "A-1"), null);
		service.submit(partner, Orders.newOrder("globex-trading", "G-1"), null);
		assertThat(service.list(caller(TestTokens.staff("agent")), null, 0, 20).getTotalElements()).isEqualTo(2);
		assertThat(service.list(partner, "acme-retail", 0, 20).getContent()).extracting(Order::orderNumber)
			.containsExactly("A-1");
	}
}
