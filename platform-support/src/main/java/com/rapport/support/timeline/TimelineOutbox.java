package com.rapport.support.timeline;

import java.util.List;

import com.rapport.support.timeline.InteractionRecorder.TimelineEntry;

/**
 * What a service's own record says to customer-service's timeline: the one part of the outbox that is the
 * service's (its document class, its events and their kinds, the organisation and the reference
 * {@code <type>:<id>}). The document keeps its pending events in an embedded array {@code outbox}, each with
 * an {@code eventId} (text, never empty), written in the same write as the change they tell of, with an index on
 * {@code outbox.eventId} (sparse: most records have nothing pending) that the relay's round reads, and an array
 * {@code undeliverable} where the {@link OutboxRelay} sets aside what customer-service refuses for good
 * ({@code eventId}, {@code kind}, {@code reason}). A service declares its outbox as a bean; platform-support
 * then relays it (see {@link OutboxRelayAutoConfiguration}). One outbox per service.
 *
 * @param <R> the service's document class
 * @param <E> the type of its {@code outbox} elements
 */
public interface TimelineOutbox<R, E> {

	/** The document class whose collection holds the outbox. */
	Class<R> recordType();

	/**
	 * The record's fields the relay reads besides its id and {@code outbox}: those {@link #entryOf} uses, and
	 * any the record cannot be made without (a primitive, say).
	 */
	List<String> fields();

	/** The record's pending events, oldest first. */
	List<E> outbox(R record);

	/** The event as the timeline's entry: the organisation, the kind and the reference come from here. */
	TimelineEntry entryOf(R record, E event);

	/** What the records are called in the log: {@code order} reads "order events wait for the next round". */
	String recordName();

	/** The name of the lease a round holds, unique in the service's database, such as {@code order-event-relay}. */
	String leaseName();
}
