package com.rapport.support.timeline;

import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.convert.DbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Spring Data's converter, which also keeps each outbox event's trace context in the store: an element of an
 * outbox array is written with the {@code traceparent} of the request that wrote it ({@link OutboxTelemetry#FIELD};
 * the one it was read with when its record is saved again), whether the record is saved whole or the event pushed
 * by an update, and read back into {@link OutboxTelemetry} for the relay. The services' element classes stay
 * as they are.
 */
public class TracedOutboxConverter extends MappingMongoConverter {

	private final OutboxTelemetry telemetry;

	public TracedOutboxConverter(DbRefResolver dbRefResolver,
			MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext,
			OutboxTelemetry telemetry) {
		super(dbRefResolver, mappingContext);
		this.telemetry = telemetry;
	}

	@Override
	protected void writeInternal(Object obj, Bson bson, MongoPersistentEntity<?> entity) {
		super.writeInternal(obj, bson, entity);
		if (telemetry.isElement(obj) && bson instanceof Document document && !document.containsKey(OutboxTelemetry.FIELD)) {
			String traceparent = telemetry.traceparentFor(obj);
			if (traceparent != null) {
				document.put(OutboxTelemetry.FIELD, traceparent);
			}
		}
	}

	@Override
	protected <S> S readDocument(ConversionContext context, Bson bson, TypeInformation<? extends S> typeHint) {
		S read = super.readDocument(context, bson, typeHint);
		if (telemetry.isElement(read) && bson instanceof Document document
				&& document.get(OutboxTelemetry.FIELD) instanceof String traceparent) {
			telemetry.read(read, traceparent);
		}
		return read;
	}
}
