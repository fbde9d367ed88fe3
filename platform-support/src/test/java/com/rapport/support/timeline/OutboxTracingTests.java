package com.rapport.support.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.timeline.InteractionRecorder.TimelineEntry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outbox event keeps the trace of the request that wrote it, and its delivery continues that trace: the
 * receiver is called (and the relay logs) with the trace id the partner's {@code traceparent} named, however the
 * event was written and however often its record is saved again before the relay takes it.
 */
class OutboxTracingTests {

	static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	static final String PARTNER_TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

	static final String OTHER_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

	private final ApplicationContextRunner service = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class,
				org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration.class,
				org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration.class,
				OutboxTelemetryAutoConfiguration.class,
				org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration.class,
				org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration.class,
				org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration.class,
				org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration.class,
				org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration.class))
		// As SpringApplication does (spring.factories): the trace ids reach the MDC, which the log pattern prints.
		.withInitializer(context -> context.addApplicationListener(
				new org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryEventPublisherBeansApplicationListener()))
		.withBean(Parcel.Outbox.class, Parcel.Outbox::new)
		.withBean(io.micrometer.core.instrument.simple.SimpleMeterRegistry.class)
		.withPropertyValues("spring.application.name=relay-test", "rapport.mongodb.embedded.in-memory=true",
				"management.tracing.sampling.probability=1.0");

	/** customer-service's timeline, noting the trace each entry arrives in. */
	static final class TracedTimeline implements InteractionRecorder {

		final Map<String, String> traceOf = new java.util.LinkedHashMap<>();

		final Map<String, String> mdcTraceOf = new java.util.LinkedHashMap<>();

		private final Tracer tracer;

		TracedTimeline(Tracer tracer) {
			this.tracer = tracer;
		}

		@Override
		public void record(TimelineEntry entry) {
			Span span = tracer.currentSpan();
			traceOf.put(entry.eventId(), span == null ? null : span.context().traceId());
			mdcTraceOf.put(entry.eventId(), MDC.get("traceId"));
		}
	}

	/** Runs {@code work} as a request that came in with {@code traceparent} (as the gRPC and HTTP servers do). */
	private static <T> T inRequest(AssertableApplicationContext context, String traceparent, Supplier<T> work) {
		Tracer tracer = context.getBean(Tracer.class);
		Span span = context.getBean(Propagator.class)
			.extract(Map.of("traceparent", traceparent), (carrier, key) -> carrier.get(key))
			.name("request").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			return work.get();
		}
		finally {
			span.end();
		}
	}

	private static String storedTraceparent(MongoTemplate mongo, String parcelId, int index) {
		Document parcel = mongo.findOne(Query.query(Criteria.where("_id").is(parcelId)), Document.class, "parcels");
		return parcel.getList("outbox", Document.class).get(index).getString(OutboxTelemetry.FIELD);
	}

	private static OutboxRelay<Parcel, Parcel.Event> relay(AssertableApplicationContext context, InteractionRecorder timeline) {
		return new OutboxRelay<>(context.getBean(MongoTemplate.class), timeline, new Parcel.Outbox(),
				context.getBean(OutboxTelemetry.class));
	}

	@Test
	void theRelayedCallCarriesTheTraceTheEventWasWrittenIn() {
		service.run(context -> {
			MongoTemplate mongo = context.getBean(MongoTemplate.class);
			inRequest(context, PARTNER_TRACEPARENT,
					() -> mongo.insert(Parcel.of("p-1", "acme-retail", Parcel.event("e-1", "ORDER_PLACED", T0))));
			assertThat(storedTraceparent(mongo, "p-1", 0)).startsWith("00-" + TRACE_ID + "-").endsWith("-01");

			TracedTimeline timeline = new TracedTimeline(context.getBean(Tracer.class));
			ListAppender<ILoggingEvent> relayLog = new ListAppender<>();
			relayLog.start();
			Logger logger = (Logger) LoggerFactory.getLogger(OutboxRelay.class);
			logger.addAppender(relayLog);
			try {
				assertThat(relay(context, timeline).relayPending()).isEqualTo(1);
			}
			finally {
				logger.detachAppender(relayLog);
			}

			assertThat(timeline.traceOf).containsEntry("e-1", TRACE_ID);
			assertThat(timeline.mdcTraceOf).as("what the log pattern prints").containsEntry("e-1", TRACE_ID);
			assertThat(relayLog.list).filteredOn(line -> line.getFormattedMessage().contains("e-1 (ORDER_PLACED)"))
				.singleElement()
				.satisfies(line -> assertThat(line.getMDCPropertyMap()).containsEntry("traceId", TRACE_ID));
		});
	}

	@Test
	void anEventPushedByAnUpdateKeepsItsOwnTraceAndOneSavedAgainLaterKeepsTheFirst() {
		service.run(context -> {
			MongoTemplate mongo = context.getBean(MongoTemplate.class);
			mongo.insert(Parcel.of("p-1", "acme-retail"));
			inRequest(context, PARTNER_TRACEPARENT, () -> mongo.updateFirst(Query.query(Criteria.where("_id").is("p-1")),
					new Update().push("outbox", Parcel.event("e-1", "ORDER_PLACED", T0)), Parcel.class));
			// A later request, in another trace, saves the whole record with a second event while e-1 still waits.
			inRequest(context, "00-" + OTHER_TRACE_ID + "-b7ad6b7169203331-01", () -> {
				Parcel read = mongo.findById("p-1", Parcel.class);
				List<Parcel.Event> events = new ArrayList<>(read.outbox());
				events.add(Parcel.event("e-2", "ORDER_DELIVERED", T0.plusSeconds(60)));
				return mongo.save(new Parcel(read.id(), read.customerId(), read.weight(), events, read.undeliverable()));
			});
			assertThat(storedTraceparent(mongo, "p-1", 0)).contains(TRACE_ID);
			assertThat(storedTraceparent(mongo, "p-1", 1)).contains(OTHER_TRACE_ID);

			TracedTimeline timeline = new TracedTimeline(context.getBean(Tracer.class));
			assertThat(relay(context, timeline).relayPending()).isEqualTo(2);
			assertThat(timeline.traceOf).containsExactly(Map.entry("e-1", TRACE_ID), Map.entry("e-2", OTHER_TRACE_ID));
		});
	}

	@Test
	void anEventWrittenOutsideATraceIsRelayedInANewOneAndTheBacklogIsMeasured() {
		service.run(context -> {
			MongoTemplate mongo = context.getBean(MongoTemplate.class);
			mongo.insert(Parcel.of("p-1", "acme-retail", Parcel.event("e-1", "ORDER_PLACED", T0)));
			mongo.insert(Parcel.of("p-2", "acme-retail", Parcel.event("e-2", "ORDER_PLACED", T0)));
			assertThat(storedTraceparent(mongo, "p-1", 0)).isNull();
			TracedTimeline timeline = new TracedTimeline(context.getBean(Tracer.class));
			OutboxRelay<Parcel, Parcel.Event> relay = relay(context, timeline);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get(OutboxTelemetry.BACKLOG).tag("outbox", "parcel-event-relay").gauge().value())
				.isEqualTo(2.0);

			assertThat(relay.relayPending()).isEqualTo(2);
			assertThat(timeline.traceOf.get("e-1")).isNotNull().isNotEqualTo(timeline.traceOf.get("e-2"));
			assertThat(meters.get(OutboxTelemetry.BACKLOG).tag("outbox", "parcel-event-relay").gauge().value()).isZero();
			assertThat(meters.get(OutboxTelemetry.RELAYED).tags("outbox", "parcel-event-relay", "outcome", "delivered")
				.counter().count()).isEqualTo(2.0);
		});
	}
}
