package com.rapport.support.timeline;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * What the outboxes tell about themselves: each event keeps the W3C {@code traceparent} of the request that
 * wrote it (a field {@value #FIELD} of its array element, written by {@link TracedOutboxConverter}), and the relay
 * continues that trace when it delivers the event, so the receiver's log lines carry the trace id of the request
 * that caused them; and the meters {@value #BACKLOG} (records with pending events, per outbox) and
 * {@value #RELAYED} (events per outbox and outcome). {@link #NONE} does neither (a relay made without a context).
 */
public class OutboxTelemetry {

	/** The field of an outbox element that keeps the trace context it was written in. */
	public static final String FIELD = "traceparent";

	/** Gauge: records with at least one pending event, tag {@code outbox} (the relay's lease name). */
	public static final String BACKLOG = "rapport.outbox.backlog";

	/** Counter: events the relay handled, tags {@code outbox} and {@code outcome} (delivered, undeliverable). */
	public static final String RELAYED = "rapport.outbox.relayed";

	/** No tracing, no meters. */
	public static final OutboxTelemetry NONE = new OutboxTelemetry(() -> null, () -> null, () -> null);

	private final Supplier<Tracer> tracer;

	private final Supplier<Propagator> propagator;

	private final Supplier<MeterRegistry> meters;

	/** The element classes of the context's outboxes, known once its singletons are made. */
	private final Set<Class<?>> elementTypes = ConcurrentHashMap.newKeySet();

	/** The trace context each element read from the store was written in (weakly: elements come and go). */
	private final Map<Object, String> read = Collections.synchronizedMap(new WeakHashMap<>());

	/** Each looked up when first needed (the store's converter is made before the tracer and the registry). */
	public OutboxTelemetry(Supplier<Tracer> tracer, Supplier<Propagator> propagator, Supplier<MeterRegistry> meters) {
		this.tracer = tracer;
		this.propagator = propagator;
		this.meters = meters;
	}

	void addElementType(Class<?> type) {
		elementTypes.add(type);
	}

	boolean isElement(Object value) {
		return value != null && elementTypes.contains(value.getClass());
	}

	/** An element as read from the store, with the trace context it was written in. */
	void read(Object element, String traceparent) {
		read.put(element, traceparent);
	}

	/**
	 * The trace context an element is to be written with: the one it was written in first (a record saved again
	 * with an event still pending keeps the event's own), else the current span's; null when there is none.
	 */
	String traceparentFor(Object element) {
		String first = read.get(element);
		return first != null ? first : current();
	}

	/** The current span's {@code traceparent}; null outside a trace. */
	public String current() {
		Tracer tracer = this.tracer.get();
		Propagator propagator = this.propagator.get();
		if (tracer == null || propagator == null) {
			return null;
		}
		Span span = tracer.currentSpan();
		if (span == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		propagator.inject(span.context(), carrier, Map::put);
		return carrier.get(FIELD);
	}

	/**
	 * Runs the delivery of an element in a span that continues the trace the element was written in (a new trace
	 * when it has none), named after the outbox, so its log lines and the receiver's carry that trace id.
	 */
	<T> T delivering(Object element, String outbox, String kind, Supplier<T> delivery) {
		Tracer tracer = this.tracer.get();
		Propagator propagator = this.propagator.get();
		if (tracer == null || propagator == null) {
			return delivery.get();
		}
		String traceparent = read.get(element);
		Span.Builder builder = traceparent == null ? tracer.spanBuilder()
				: propagator.extract(Map.of(FIELD, traceparent), (carrier, key) -> carrier.get(key));
		Span span = builder.name("outbox " + outbox).tag("rapport.outbox", outbox).tag("rapport.event.kind", kind)
			.kind(Span.Kind.PRODUCER).start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			return delivery.get();
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	void backlog(String outbox, Supplier<Number> pendingRecords) {
		MeterRegistry meters = this.meters.get();
		if (meters != null) {
			Gauge.builder(BACKLOG, pendingRecords).tag("outbox", outbox)
				.description("Records with events the outbox's relay has still to deliver").register(meters);
		}
	}

	void relayed(String outbox, String outcome) {
		MeterRegistry meters = this.meters.get();
		if (meters != null) {
			Counter.builder(RELAYED).tag("outbox", outbox).tag("outcome", outcome)
				.description("Events an outbox's relay delivered or set aside as undeliverable").register(meters)
				.increment();
		}
	}
}
