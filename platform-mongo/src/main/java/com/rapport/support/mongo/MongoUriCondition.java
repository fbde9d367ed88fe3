package com.rapport.support.mongo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code spring.mongodb.uri} or {@code MONGODB_URI} names a real MongoDB. */
class MongoUriCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return !new NoMongoUriCondition().matches(context, metadata);
	}
}
