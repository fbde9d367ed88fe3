package com.rapport.ticket.ticket;

import java.util.Collection;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface TicketRepository extends MongoRepository<Ticket, String> {

	/**
	 * The organisation's tickets in the given statuses, oldest first, by the index
	 * {@code customer_status_opened}; without the outbox, which listing does not need.
	 */
	@Query(value = "{'customerId': ?0, 'status': {'$in': ?1}}", sort = "{'openedAt': 1}",
			fields = "{'outbox': 0, 'undeliverable': 0, 'surveyRequests': 0}")
	List<Ticket> findByCustomerIdAndStatusIn(String customerId, Collection<TicketStatus> statuses);

	java.util.Optional<Ticket> findByNumber(String number);
}
