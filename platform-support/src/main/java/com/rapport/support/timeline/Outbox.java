package com.rapport.support.timeline;

import java.util.List;

import com.rapport.support.error.RemoteUnavailableException;

/**
 * Events kept inside a service's own documents until another service has taken them: the general form of which
 * {@link TimelineOutbox} (to customer-service's timeline) is the first use. The document keeps its pending events
 * in an embedded array {@link #field()}, each with an event id (text, never empty), written in the same write as
 * the change they tell of, with a sparse index on {@code <field>.eventId} that the {@link OutboxRelay}'s round
 * reads, and an array {@link #undeliverableField()} where the relay sets aside what the receiver refuses for good
 * ({@code eventId}, {@code kind}, {@code reason}). A service may keep several, each in its own array and lease.
 *
 * @param <R> the service's document class
 * @param <E> the type of the array's elements
 */
public interface Outbox<R, E> {

	/** The document class whose collection holds the outbox. */
	Class<R> recordType();

	/** The array of pending events. */
	String field();

	/** The array where events refused for good are set aside. */
	String undeliverableField();

	/** The record's fields {@link #deliver} reads besides its id and {@link #field()}. */
	List<String> fields();

	/** The record's pending events, oldest first. */
	List<E> pending(R record);

	String eventId(R record, E event);

	String kind(R record, E event);

	/** Whether the event may go now; one that may not yet is left for a later round. */
	default boolean due(R record, E event) {
		return true;
	}

	/**
	 * Hands the event to its receiver, which keeps one per event id. Throws {@link RemoteUnavailableException}
	 * when the receiver cannot take it now (the round stops, the event waits); any other exception means it
	 * refused the event for good.
	 */
	void deliver(R record, E event);

	/** What the records are called in the log: {@code ticket} reads "ticket events wait for the next round". */
	String recordName();

	/** Who receives the events, for the log. */
	String receiverName();

	/** The name of the lease a round holds, unique in the service's database, such as {@code order-event-relay}. */
	String leaseName();
}
