package com.rapport.ordertracking.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import com.rapport.ordertracking.MongoAuditingConfiguration;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.timeline.InteractionRecorder;
import com.rapport.support.timeline.OutboxRelay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders' events through the outbox relay against the real (embedded) store, with customer-service stood in for. */
@DataMongoTest
@Import(MongoAuditingConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class OrderEventRelayTests {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	OrderRepository orders;

	private final List<String> recorded = new ArrayList<>();

	private boolean customerServiceDown;

	private final InteractionRecorder recorder = interaction -> {
		if (customerServiceDown) {
			throw new RemoteUnavailableException("customer-service", null);
		}
		recorded.add(interaction.organisationId() + " " + interaction.kind() + " "
				+ interaction.facts().get("order_number"));
	};

	private OutboxRelay<Order, OrderEvent> relay(InteractionRecorder recorder) {
		return new OutboxRelay<>(mongo, recorder, new OrderOutbox());
	}

	@BeforeEach
	void empty() {
		orders.deleteAll();
	}

	private Order placed(String number, MilestoneCode... reached) {
		Instant t = Instant.parse("2026-11-20T08:00:00Z");
		List<Milestone> milestones = new ArrayList<>();
		for (MilestoneCode code : reached) {
			milestones.add(new Milestone(code, t = t.plusSeconds(3600), null));
		}
		return orders.insert(new Order(UUID.randomUUID().toString(), "acme-retail", number, t, null,
				Money.of(Currency.getInstance("CNY"), new BigDecimal("100.00")), List.of(), milestones, "partner", null,
				null, null).withEventsOfPlacement());
	}

	@Test
	void aPlacedOrderIsToldOnceAndLeavesNothingWaiting() {
		Order order = placed("PO-1", MilestoneCode.PLACED);
		assertThat(orders.findById(order.id()).orElseThrow().outbox()).extracting(OrderEvent::kind)
			.containsExactly(OrderEvent.Kind.ORDER_PLACED);

		OutboxRelay<Order, OrderEvent> relay = relay(recorder);
		assertThat(relay.relayPending()).isEqualTo(1);
		assertThat(recorded).containsExactly("acme-retail ORDER_PLACED PO-1");
		assertThat(orders.findById(order.id()).orElseThrow().outbox()).isEmpty();

		assertThat(relay.relayPending()).isZero();
		assertThat(recorded).hasSize(1);
	}

	@Test
	void aDeliveredOrderTellsBothItsPlacementAndItsDelivery() {
		Order order = placed("PO-2", MilestoneCode.PLACED, MilestoneCode.SHIPPED, MilestoneCode.DELIVERED);
		assertThat(order.outbox()).extracting(OrderEvent::eventId)
			.containsExactly("order-placed:" + order.id(), "order-delivered:" + order.id());
		relay(recorder).relayPending();
		assertThat(recorded).containsExactly("acme-retail ORDER_PLACED PO-2", "acme-retail ORDER_DELIVERED PO-2");
	}

	@Test
	void whileCustomerServiceIsDownEventsWaitAndAreToldWhenItIsBack() {
		Order order = placed("PO-3", MilestoneCode.PLACED);
		OutboxRelay<Order, OrderEvent> relay = relay(recorder);

		customerServiceDown = true;
		assertThat(relay.relayPending()).isZero();
		assertThat(orders.findById(order.id()).orElseThrow().outbox()).hasSize(1);

		customerServiceDown = false;
		assertThat(relay.relayPending()).isEqualTo(1);
		assertThat(recorded).containsExactly("acme-retail ORDER_PLACED PO-3");
		assertThat(orders.findById(order.id()).orElseThrow().outbox()).isEmpty();
	}

	@Test
	void anEventRefusedForGoodIsSetAsideWithItsReasonNotLostNorResentEveryRound() {
		Order order = placed("PO-4", MilestoneCode.PLACED);
		List<String> attempts = new ArrayList<>();
		InteractionRecorder refusing = interaction -> {
			attempts.add(interaction.eventId());
			throw new IllegalArgumentException("no such organisation");
		};
		OutboxRelay<Order, OrderEvent> relay = relay(refusing);
		assertThat(relay.relayPending()).isZero();
		assertThat(relay.relayPending()).isZero();
		assertThat(attempts).hasSize(1);

		Order stored = orders.findById(order.id()).orElseThrow();
		assertThat(stored.outbox()).isEmpty();
		assertThat(stored.undeliverable()).containsExactly(new Order.UndeliverableEvent("order-placed:" + order.id(),
				"ORDER_PLACED", "no such organisation"));
	}
}
