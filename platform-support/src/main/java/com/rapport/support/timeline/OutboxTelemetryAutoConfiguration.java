package com.rapport.support.timeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ResolvableType;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.util.ClassUtils;

/**
 * The outboxes' trace context and meters ({@link OutboxTelemetry}): Spring Data's converter as
 * {@link TracedOutboxConverter} (made as Spring Boot makes its own, which then steps back), told the element
 * classes of the context's {@link Outbox} and {@link TimelineOutbox} beans once they are all made.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
public class OutboxTelemetryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OutboxTelemetry outboxTelemetry(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
			ObjectProvider<MeterRegistry> meters) {
		return new OutboxTelemetry(tracer::getIfUnique, propagator::getIfUnique, meters::getIfUnique);
	}

	@Bean
	@ConditionalOnMissingBean(MongoConverter.class)
	MappingMongoConverter mappingMongoConverter(ObjectProvider<MongoDatabaseFactory> factory,
			MongoMappingContext context, MongoCustomConversions conversions, OutboxTelemetry telemetry) {
		MongoDatabaseFactory databases = factory.getIfAvailable();
		TracedOutboxConverter converter = new TracedOutboxConverter(
				databases != null ? new DefaultDbRefResolver(databases) : NoOpDbRefResolver.INSTANCE, context, telemetry);
		converter.setCustomConversions(conversions);
		return converter;
	}

	@Bean
	static SmartInitializingSingleton outboxElementTypes(ObjectProvider<Outbox<?, ?>> outboxes,
			ObjectProvider<TimelineOutbox<?, ?>> timelines, ObjectProvider<OutboxTelemetry> telemetry) {
		return () -> {
			OutboxTelemetry known = telemetry.getIfAvailable();
			if (known == null) {
				return;
			}
			outboxes.orderedStream().forEach(outbox -> add(known, outbox, Outbox.class));
			timelines.orderedStream().forEach(outbox -> add(known, outbox, TimelineOutbox.class));
		};
	}

	private static void add(OutboxTelemetry telemetry, Object outbox, Class<?> kind) {
		Class<?> element = ResolvableType.forClass(ClassUtils.getUserClass(outbox)).as(kind).resolveGeneric(1);
		if (element != null) {
			telemetry.addElementType(element);
		}
	}
}
