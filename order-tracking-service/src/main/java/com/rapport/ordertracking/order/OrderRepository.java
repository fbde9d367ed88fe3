package com.rapport.ordertracking.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface OrderRepository extends MongoRepository<Order, String> {

	Page<Order> findByCustomerIdOrderByPlacedAtDesc(String customerId, Pageable pageable);

	Page<Order> findAllByOrderByPlacedAtDesc(Pageable pageable);

	/** Orders at risk, at risk longest first, by the index {@code at_risk}. */
	Page<Order> findByAtRiskTrueOrderByDelayDetectedAtAsc(Pageable pageable);

	/** One organisation's orders at risk: few, read by {@code customer_placed}. */
	Page<Order> findByCustomerIdAndAtRiskTrueOrderByDelayDetectedAtAsc(String customerId, Pageable pageable);

	Optional<Order> findByCustomerIdAndOrderNumber(String customerId, String orderNumber);

	Optional<Order> findBySubmittedByAndIdempotencyKey(String submittedBy, String idempotencyKey);

	/**
	 * The organisation's orders not delivered yet and those delivered in [{@code from}, {@code before}), by the
	 * index {@code customer_delivered} (a missing {@code deliveredAt} matches null). Without lines and events,
	 * which delivery figures do not need and which make up most of an order.
	 */
	@Query(value = "{'customerId': ?0, '$or': [{'deliveredAt': null}, {'deliveredAt': {'$gte': ?1, '$lt': ?2}}]}",
			fields = "{'lines': 0, 'outbox': 0, 'undeliverable': 0}")
	List<Order> findUndeliveredOrDeliveredBetween(String customerId, Instant from, Instant before);
}
