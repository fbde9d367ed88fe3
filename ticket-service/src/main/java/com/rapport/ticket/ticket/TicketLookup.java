package com.rapport.ticket.ticket;

import java.util.Optional;
import java.util.function.UnaryOperator;

import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Finds a ticket by id or number for a caller, and saves changes to it. Staff, services and partners reading
 * tickets reach every ticket; a customer contact those of its own organisation: another organisation's ticket
 * is not found, exactly like an unknown one.
 */
@Component
class TicketLookup {

	/** A change that lost to a concurrent one is made again on the fresh ticket, at most this often. */
	private static final int ATTEMPTS = 3;

	private final TicketRepository tickets;

	TicketLookup(TicketRepository tickets) {
		this.tickets = tickets;
	}

	/** The ticket {@code idOrNumber} (its id, or its number such as T-1001) if the caller may see it. */
	Ticket visible(Caller caller, String idOrNumber) {
		if (idOrNumber == null || idOrNumber.isBlank()) {
			throw UnprocessableException.field(Message.of("ticket.id-required"), "ticketId",
					Message.of("field.required"));
		}
		String key = idOrNumber.strip();
		return find(key).filter(ticket -> mayRead(caller, ticket)).orElseThrow(() -> notFound(key));
	}

	private Optional<Ticket> find(String key) {
		Optional<Ticket> byId = tickets.findById(key);
		return byId.isPresent() || !key.matches("T-\\d{1,12}") ? byId : tickets.findByNumber(key);
	}

	static boolean mayRead(Caller caller, Ticket ticket) {
		return caller.seesAllCustomers() || caller.hasScope("tickets.read") || caller.hasScope("tickets.write")
				|| caller.canSeeCustomer(ticket.customerId());
	}

	/**
	 * Saves {@code change} of the ticket with {@code id}, made again on a fresh read when a concurrent change
	 * was saved first (the ticket's version); the last attempt's failure is answered as a conflict.
	 */
	Ticket change(String id, UnaryOperator<Ticket> change) {
		for (int attempt = 1;; attempt++) {
			Ticket fresh = tickets.findById(id).orElseThrow(() -> notFound(id));
			try {
				return tickets.save(change.apply(fresh));
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	static NotFoundException notFound(String key) {
		return new NotFoundException(Message.of("ticket.not-found", key));
	}
}
