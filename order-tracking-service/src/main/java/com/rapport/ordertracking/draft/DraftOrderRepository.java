package com.rapport.ordertracking.draft;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Draft orders; an organisation's are read newest first by the index {@code customer_created}. */
interface DraftOrderRepository extends MongoRepository<DraftOrder, String> {

	Optional<DraftOrder> findByRequestId(String requestId);

	List<DraftOrder> findByCustomerIdOrderByCreatedAtDesc(String customerId, Pageable page);

	List<DraftOrder> findByCustomerIdAndStatusOrderByCreatedAtDesc(String customerId, DraftStatus status,
			Pageable page);

	List<DraftOrder> findByStatusOrderByCreatedAtDesc(DraftStatus status, Pageable page);

	List<DraftOrder> findAllByOrderByCreatedAtDesc(Pageable page);
}
