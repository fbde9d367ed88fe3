package com.rapport.ordertracking.order;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface OrderRepository extends MongoRepository<Order, String> {

	Page<Order> findByCustomerIdOrderByPlacedAtDesc(String customerId, Pageable pageable);

	Page<Order> findAllByOrderByPlacedAtDesc(Pageable pageable);

	Optional<Order> findBySubmittedByAndIdempotencyKey(String submittedBy, String idempotencyKey);
}
