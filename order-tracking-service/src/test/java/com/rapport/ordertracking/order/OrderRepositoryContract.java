package com.rapport.ordertracking.order;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the service relies on from its store; run against the embedded server and a real MongoDB. */
abstract class OrderRepositoryContract {

	@Autowired
	OrderRepository orders;

	@BeforeEach
	void empty() {
		orders.deleteAll();
	}

	@Test
	void anOrderNumberIsUniquePerOrganisationOnly() {
		orders.insert(Orders.stored("acme-retail", "PO-1", Orders.T0));
		orders.insert(Orders.stored("globex-trading", "PO-1", Orders.T0));
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> orders.insert(Orders.stored("acme-retail", "PO-1", Orders.T0)));
		assertThat(orders.count()).isEqualTo(2);
	}

	@Test
	void anOrganisationsOrdersComeNewestFirstAndOnlyItsOwn() {
		orders.insert(Orders.stored("acme-retail", "OLD", Orders.T0));
		orders.insert(Orders.stored("acme-retail", "NEW", Orders.T0.plus(Duration.ofDays(2))));
		orders.insert(Orders.stored("acme-retail", "MID", Orders.T0.plus(Duration.ofDays(1))));
		orders.insert(Orders.stored("globex-trading", "OTHER", Orders.T0.plus(Duration.ofDays(5))));
		var page = orders.findByCustomerIdOrderByPlacedAtDesc("acme-retail", PageRequest.of(0, 2));
		assertThat(page.getContent()).extracting(Order::orderNumber).containsExactly("NEW", "MID");
		assertThat(page.getTotalElements()).isEqualTo(3);
	}

	@Test
	void moneyAndMilestonesSurviveTheRoundTrip() {
		Order saved = orders.insert(new Order(null, "acme-retail", "PO-9", Orders.T0, null,
				new Money("CNY", 120050), java.util.List.of(), Orders.newOrder("acme-retail", "x").milestones(),
				"partner-test", "key-1", null, null));
		Order read = orders.findBySubmittedByAndIdempotencyKey("partner-test", "key-1").orElseThrow();
		assertThat(read.id()).isEqualTo(saved.id());
		assertThat(read.total().amount()).isEqualByComparingTo("1200.50");
		assertThat(read.status()).isEqualTo(MilestoneCode.CONFIRMED);
		assertThat(read.createdAt()).isNotNull();
	}
}
